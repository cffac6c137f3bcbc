import { describe } from './anchoring/describe.js';
import type { Annotation, AnnotationType } from './annotation.js';
import { normalizeRange } from './text.js';

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
  const same = annotations.find((a) => a.type === type && a.target.position.start === range.start && a.target.position.end === range.end);
  if (same) return { kind: 'existing', annotation: same };
  return { kind: 'new', annotation: { id, type, target: describe(text, range.start, range.end), note: '', links: [], created: time, modified: time } };
}
