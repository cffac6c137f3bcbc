import { describe } from './anchoring/describe.js';
import type { Annotation, AnnotationType } from './annotation.js';
import { cutQuote, normalizeRange } from './text.js';

/**
 * What tagging a span makes of an article's annotations (see `tagSpan`): a new annotation, the
 * one that already has that type on that span, or a refusal with the reason in words.
 */
export type Tagging =
  | { kind: 'new'; annotation: Annotation }
  | { kind: 'existing'; annotation: Annotation }
  | { kind: 'refused'; reason: string };

/**
 * Tags [start, end) of `text` (UTF-16 code units of the article's canonical text) as `type`:
 * the range is normalised (`normalizeRange`: whole graphemes, no white space at the edges) and
 * described by W3C selectors (`describe`). The same type on the same normalised span answers the
 * annotation in `annotations` that has it. `id` and `time` (ISO 8601 UTC) are the new
 * annotation's. Main stores what this makes; the renderer shows it at once while main stores it.
 */
export function tagSpan(text: string, annotations: readonly Annotation[], type: AnnotationType, start: number, end: number, id: string, time: string): Tagging {
  if (end > text.length) return { kind: 'refused', reason: `[${start}, ${end}) is beyond the text (length ${text.length})` };
  const range = normalizeRange(text, start, end);
  if (!range) return { kind: 'refused', reason: 'the selection holds only white space' };
  const same = spanHolder(annotations, type, range.start, range.end);
  if (same) return { kind: 'existing', annotation: same };
  return { kind: 'new', annotation: { id, type, target: describe(text, range.start, range.end), note: '', links: [], created: time, modified: time } };
}

/**
 * The annotation of `annotations` other than `exceptId` that has label `type` on exactly
 * [start, end) (UTF-16 code units of the canonical text), or undefined: a span holds at most one
 * annotation of each label, whether tagged, retyped or with its boundaries moved.
 */
export function spanHolder(annotations: readonly Annotation[], type: AnnotationType, start: number, end: number, exceptId?: string): Annotation | undefined {
  return annotations.find((a) => a.id !== exceptId && a.type === type && a.target.position.start === start && a.target.position.end === end);
}

/**
 * Why a change that would put a second annotation of label `labelName` on a span is refused:
 * the span's text (`exact`, its first 60 UTF-16 code units, never half a surrogate pair, then "…"),
 * e.g. `“two regional sources” is tagged as Claim already: a span holds one annotation of each label`.
 */
export function sameSpanMessage(exact: string, labelName: string): string {
  const shown = cutQuote(exact, 60);
  const quote = shown === exact ? exact : `${shown.slice(0, -1).trimEnd()}…`;
  return `“${quote}” is tagged as ${labelName} already: a span holds one annotation of each label`;
}
