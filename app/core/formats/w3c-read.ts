import type { AnnotationLink, TargetSelectors } from '../annotation.js';
import { utf16Offset } from '../text.js';
import { DEFAULT_EXPORT_LABELS, type ExportLabel } from './labels.js';
import { annotationIdOf, decodedOrNull, labelIri } from './w3c-annotation.js';

/**
 * Reading W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/) as Attest
 * annotations to anchor: what `toW3cCollection` writes, and what other tools write in the same
 * model (an `AnnotationCollection`, an `AnnotationPage`, one `Annotation` or an array of them).
 * Read as plain JSON with Attest's and the W3C context's compacted term names; no context is
 * fetched or expanded.
 */

/** One annotation read from a W3C document, before it is anchored. */
export interface W3cItem {
  id: string;
  /** The label id. */
  type: string;
  note: string;
  links: AnnotationLink[];
  created: string;
  modified: string;
  /** The article id named by the target's `urn:sha256:` source, or null for another source. */
  articleId: string | null;
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | null;
  /** `TextPositionSelector` start/end in code points, when the target has one. */
  positionCodePoint: { start: number; end: number } | null;
  /** Attest's `startUtf16`/`endUtf16`, when the target has them. */
  positionUtf16: { start: number; end: number } | null;
}

/**
 * What `readW3c` found: annotations, those it could not read with the reason, and the labels named
 * by a label IRI with the name a tagging `TextualBody` beside it gives (as `toW3cCollection` writes
 * them; the first annotation naming each id decides; `colour` is '' since the format carries none).
 */
export interface W3cRead {
  items: W3cItem[];
  skipped: { id: string; reason: string }[];
  labels: ExportLabel[];
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const nat = (x: unknown): number | null => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : null);
const hasType = (x: Json, type: string): boolean => list(x.type).includes(type);

/** The annotations of a W3C document: a collection's pages (`first`, `items`), a page, an annotation, or an array. */
function annotationsOf(doc: unknown): Json[] {
  if (Array.isArray(doc)) return doc.flatMap(annotationsOf);
  if (!isObject(doc)) return [];
  if (hasType(doc, 'Annotation')) return [doc];
  const out: Json[] = [];
  for (const item of list(doc.items)) out.push(...annotationsOf(item));
  // A collection's pages are linked from `first` by `next`; embedded pages only (nothing is fetched).
  let page = doc.first;
  const seen = new Set<unknown>();
  while (isObject(page) && !seen.has(page)) {
    seen.add(page);
    for (const item of list(page.items)) out.push(...annotationsOf(item));
    page = page.next;
  }
  return out;
}

/**
 * A body with its roles: its `purpose`, else the annotation's motivations (the Web Annotation Data
 * Model, 3.3.5: a body without a purpose serves the motivation). A body given as an IRI string (an
 * External Web Resource, 3.2.1) becomes `{ id }`.
 */
interface Body {
  body: Json;
  roles: unknown[];
}

function bodiesOf(annotation: Json): Body[] {
  const motivations = list(annotation.motivation);
  return list(annotation.body).flatMap((b) => {
    const body = typeof b === 'string' ? { id: b } : isObject(b) ? b : null;
    return body ? [{ body, roles: body.purpose === undefined ? motivations : list(body.purpose) }] : [];
  });
}

const namesLabels = (roles: unknown[]) => roles.includes('classifying') || roles.includes('tagging');

/**
 * The body that names an annotation's label and the label's id: a classifying or tagging body
 * whose IRI (`source`, else `id`) is a label IRI, else one whose text is a label's id or name
 * (trimmed, any case). Null when none does.
 */
function labelOf(bodies: readonly Body[], labels: readonly ExportLabel[]): { body: Json; id: string; name?: string } | null {
  for (const { body, roles } of bodies) {
    const source = str(body.source) ?? str(body.id);
    if (namesLabels(roles) && source?.startsWith(labelIri(''))) {
      // A label IRI names its id (a label this set lacks too: the importer adds it, with the name
      // of the tagging body beside it); a malformed one names none.
      const id = decodedOrNull(source.slice(labelIri('').length));
      const name = bodies.map((b) => (b.body !== body && b.roles.includes('tagging') ? str(b.body.value)?.trim() : undefined)).find((v) => v);
      if (id) return { body, id, ...(name ? { name } : {}) };
    }
  }
  for (const { body, roles } of bodies) {
    const value = str(body.value)?.trim().toLowerCase();
    if (namesLabels(roles) && value) {
      const hit = labels.find((l) => l.id.toLowerCase() === value || l.name.toLowerCase() === value);
      if (hit) return { body, id: hit.id };
    }
  }
  return null;
}

/**
 * Reads the annotations of a W3C Web Annotation document (parsed JSON, `unknown`). The label comes
 * from a classifying or tagging body (by its `purpose`, else the annotation's `motivation`): a
 * label IRI (the body's `source`, its `id`, or the body given as that IRI), else a text naming one
 * of `labels` by id or name in any case; the note from the commenting `TextualBody`s (joined by a
 * blank line); `linking` annotations become `attributedTo`
 * links of their first target to their second (one whose first target is not among the
 * annotations read is skipped with the reason; the importer checks the rest, `checkImportedLinks`). Missing times become `now`. An annotation with no
 * label or no `TextQuoteSelector`/`TextPositionSelector` is skipped with the reason. Pure.
 */
export function readW3c(doc: unknown, now: string, labels: readonly ExportLabel[] = DEFAULT_EXPORT_LABELS): W3cRead {
  const result: W3cRead = { items: [], skipped: [], labels: [] };
  const links: [string, string, string][] = [];
  for (const a of annotationsOf(doc)) {
    const id = annotationIdOf(str(a.id) ?? '');
    const targets = list(a.target);
    if (list(a.motivation).includes('linking')) {
      const [from, to] = targets.map((t) => (isObject(t) ? str(t.id) ?? str(t.source) : str(t)));
      if (from && to) links.push([annotationIdOf(from), annotationIdOf(to), id || '(no id)']);
      else result.skipped.push({ id, reason: 'a linking annotation without two targets' });
      continue;
    }
    if (!id) {
      result.skipped.push({ id: '(no id)', reason: 'an annotation without an id' });
      continue;
    }
    const bodies = bodiesOf(a);
    const label = labelOf(bodies, labels);
    if (!label) {
      result.skipped.push({ id, reason: 'no body names one of the labels' });
      continue;
    }
    if (label.name && !result.labels.some((l) => l.id === label.id)) result.labels.push({ id: label.id, name: label.name, colour: '' });
    const target = targets.find(isObject);
    const selectors = list(target?.selector).filter(isObject);
    const q = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
    const p = selectors.find((s) => hasType(s, 'TextPositionSelector'));
    const quote = q && str(q.exact) ? { type: 'TextQuoteSelector' as const, exact: str(q.exact)!, prefix: str(q.prefix) ?? '', suffix: str(q.suffix) ?? '' } : null;
    const cpStart = nat(p?.start), cpEnd = nat(p?.end), u16Start = nat(p?.startUtf16), u16End = nat(p?.endUtf16);
    const positionCodePoint = cpStart !== null && cpEnd !== null && cpEnd > cpStart ? { start: cpStart, end: cpEnd } : null;
    const positionUtf16 = u16Start !== null && u16End !== null && u16End > u16Start ? { start: u16Start, end: u16End } : null;
    if (!quote && !positionCodePoint) {
      result.skipped.push({ id, reason: 'no TextQuoteSelector nor TextPositionSelector' });
      continue;
    }
    const source = str(target?.source) ?? '';
    const articleId = /^urn:sha256:[0-9a-f]{64}$/.test(source) ? source.slice('urn:sha256:'.length) : null;
    const note = bodies.flatMap(({ body, roles }) => (body !== label.body && roles.includes('commenting') && str(body.value) !== null ? [str(body.value)!] : [])).join('\n\n');
    const created = str(a.created) ?? now;
    result.items.push({ id, type: label.id, note, links: [], created, modified: str(a.modified) ?? created, articleId, quote, positionCodePoint, positionUtf16 });
  }
  const byId = new Map(result.items.map((i) => [i.id, i]));
  for (const [from, to, id] of links) {
    const item = byId.get(from);
    if (!item) result.skipped.push({ id, reason: `a link from ${from}, which is not among the annotations read` });
    else if (!item.links.some((l) => l.target === to)) item.links.push({ type: 'attributedTo', target: to });
  }
  return result;
}

/**
 * The selectors of a read annotation in `text` (its article's canonical text, UTF-16 offsets as
 * everywhere in Attest): Attest's UTF-16 offsets when given, else the code-point position
 * converted by `toUtf16` (for many annotations of one text, pass `utf16Index(text)`: one pass over
 * the text, not one per annotation); the quote, or the text at the position when there is no
 * quote. Null when neither gives anything in this text.
 */
export function w3cSelectors(text: string, item: W3cItem, toUtf16: (codePoint: number) => number = (cp) => utf16Offset(text, cp)): TargetSelectors | null {
  let position = item.positionUtf16;
  if (!position && item.positionCodePoint) {
    try {
      position = { start: toUtf16(item.positionCodePoint.start), end: toUtf16(item.positionCodePoint.end) };
    } catch {
      position = null;
    }
  }
  const quote = item.quote ?? (position && position.end <= text.length ? { type: 'TextQuoteSelector' as const, exact: text.slice(position.start, position.end), prefix: '', suffix: '' } : null);
  if (!quote) return null;
  return position ? { position: { type: 'TextPositionSelector', ...position }, quote } : { quote };
}
