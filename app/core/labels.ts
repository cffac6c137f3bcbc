/**
 * Labels: what an annotation's `type` names. Claim, Quote and Source are built in (attribution
 * rests on them, see `attribution.ts`); analysts add their own, kept in main's settings store and
 * applied to every article. A label's `id` is the annotation `type` and never changes; its
 * name, colour and key can.
 */
import type { ExportLabel } from './formats/labels.js';

/** One label: `id` the annotation type; `colour` a CSS hex colour `#rrggbb`; `key` the single key (a–z or 0–9) that tags with it, or '' for none. */
export interface Label extends ExportLabel {
  key: string;
  builtIn: boolean;
}

/** A label as the analyst describes it: name, colour and key (see `Label`). */
export interface LabelInput {
  name: string;
  colour: string;
  key: string;
}

/** The built-in labels, with the line colours of the light theme (`renderer/src/styles.css`). */
export const BUILT_IN_LABELS: readonly Label[] = [
  { id: 'claim', name: 'Claim', colour: '#a76b00', key: 'c', builtIn: true },
  { id: 'quote', name: 'Quote', colour: '#1565c0', key: 'q', builtIn: true },
  { id: 'source', name: 'Source', colour: '#2e7d32', key: 's', builtIn: true },
];

/**
 * What a label id looks like: a lowercase letter, then lowercase letters, digits and hyphens, at
 * most 40 characters; usable as a CSS class (`hl-<id>`) as it is.
 */
export const LABEL_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** Ids no custom label takes: the built-ins, and the highlight classes that are not types (`hl-selected`, `hl-linked`). */
const RESERVED_IDS: ReadonlySet<string> = new Set([...BUILT_IN_LABELS.map((l) => l.id), 'selected', 'linked', 'unknown']);

/** Keys the reader keeps for itself (attribute, next, previous): no label takes them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['a', 'n', 'p']);

/** The longest label name, in UTF-16 code units. */
export const MAX_LABEL_NAME = 40;

/** The most custom labels the settings hold. */
export const MAX_CUSTOM_LABELS = 50;

/**
 * Why `input` cannot be a label next to `others` (the other labels, built-ins included), in words
 * for the analyst; null when it can. Names are trimmed by the caller and must be unique
 * ignoring case; a key must be one of a–z, 0–9, not reserved and not another label's.
 */
export function labelProblem(input: LabelInput, others: readonly Label[]): string | null {
  const name = input.name;
  if (name.trim() !== name || name.length === 0) return 'a label needs a name (without spaces around it)';
  if (name.length > MAX_LABEL_NAME) return `a label name has at most ${MAX_LABEL_NAME} characters`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a label name cannot hold control characters';
  const sameName = others.find((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (sameName) return `there is already a label named ${sameName.name}`;
  if (!/^#[0-9a-f]{6}$/i.test(input.colour)) return `${JSON.stringify(input.colour)} is not a colour (#rrggbb)`;
  if (input.key !== '') {
    if (!/^[a-z0-9]$/.test(input.key)) return 'a key is one letter a–z or one digit 0–9';
    if (RESERVED_KEYS.has(input.key)) return `the key ${input.key.toUpperCase()} is taken by the reader (A attribute, N next, P previous)`;
    const sameKey = others.find((l) => l.key === input.key);
    if (sameKey) return `the key ${input.key.toUpperCase()} already tags ${sameKey.name}`;
  }
  return null;
}

/**
 * A new label id for `name`, not among `taken`: the name in lowercase ASCII letters, digits and
 * hyphens (accents dropped), `label` when nothing is left, with `-2`, `-3`, … added when taken
 * or reserved. Always matches `LABEL_ID_PATTERN`.
 */
export function newLabelId(name: string, taken: readonly string[]): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '')
      .slice(0, 32)
      .replace(/-+$/, '') || 'label';
  const used = new Set([...taken, ...RESERVED_IDS]);
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Whether `id` may be a custom label's id: the pattern, and not reserved. */
export function isCustomLabelId(id: string): boolean {
  return LABEL_ID_PATTERN.test(id) && !RESERVED_IDS.has(id);
}

/** The label `id` among `labels`, or a stand-in named by the id (grey, no key) when the set does not hold it. */
export function labelOf(labels: readonly Label[], id: string): Label {
  return labels.find((l) => l.id === id) ?? { id, name: id, colour: '#808080', key: '', builtIn: false };
}

/** The label a key tags with (`key` lowercase a–z or 0–9), or null. */
export function labelForKey(labels: readonly Label[], key: string): Label | null {
  return key === '' ? null : (labels.find((l) => l.key === key) ?? null);
}
