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
 * Characters that show nothing in a name (Unicode Default_Ignorable_Code_Point: joiners, variation
 * selectors, the combining grapheme joiner, Hangul fillers, tag characters, …) and the braille
 * blank, which shows as a space: left out when names are compared, so a name cannot copy another
 * with them.
 */
const UNSEEN = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * The key two label names are compared by: NFKC (compatibility forms such as the ligature `ﬁ`
 * become `fi`, full-width letters plain ones), then case folded (upper then lower case, so `ß`
 * and `SS` agree as in Unicode's full case folding), then NFKC again, without the characters that
 * show nothing (`UNSEEN`). Two names with the same key look alike to the analyst and cannot both
 * be labels.
 */
export function labelNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(UNSEEN, '');
}

/**
 * Characters a label name may not hold: control characters (Cc), those that reorder what is shown
 * (Bidi_Control: a right-to-left override can make one name read as another), and the other format
 * characters (Cf) but the zero-width non-joiner and joiner, which Persian and Indic words and emoji
 * sequences need, and the tag characters of flag emoji.
 */
const REFUSED = /(?![\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}\p{Bidi_Control}]/u;

/** `name` without the characters a label name may not hold (`REFUSED`): for names read from an import. */
export function withoutRefusedCharacters(name: string): string {
  return name.replace(new RegExp(REFUSED.source, 'gu'), '');
}

/** `name` as a label name is stored: in Unicode Normalization Form C (so NFD `Cafe\u0301` is `Café`). Trimming is the caller's. */
export function normalLabelName(name: string): string {
  return name.normalize('NFC');
}

/**
 * Why `input` cannot be a label next to `others` (the other labels, built-ins included), in words
 * for the analyst; null when it can. The name is read in NFC (`normalLabelName`; the caller stores
 * that form) and must not have spaces around it, hold a character of `REFUSED` (a control
 * character, a bidi control, a format character but the joiners), be made only of characters that
 * show nothing, nor equal another label's name under `labelNameKey` (NFKC, case folded, without
 * what shows nothing); a key must be one of a–z, 0–9, not reserved and not another label's.
 */
export function labelProblem(input: LabelInput, others: readonly Label[]): string | null {
  const name = normalLabelName(input.name);
  if (name.trim() !== name || name.length === 0) return 'a label needs a name (without spaces around it)';
  if (name.length > MAX_LABEL_NAME) return `a label name has at most ${MAX_LABEL_NAME} characters`;
  const invisible = REFUSED.exec(name);
  if (invisible) {
    const code = `U+${invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `a label name cannot hold control or invisible formatting characters (it holds ${code} at character ${[...name.slice(0, invisible.index)].length + 1}): they can make it look like another name`;
  }
  const key = labelNameKey(name);
  if (key.trim() === '') return 'a label needs a name that shows (this one holds only characters that show nothing)';
  const sameName = others.find((l) => labelNameKey(l.name) === key);
  if (sameName) return sameName.name.toLocaleLowerCase() === name.toLocaleLowerCase() ? `there is already a label named ${sameName.name}` : `there is already a label named ${sameName.name}, which ${name} looks the same as`;
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
