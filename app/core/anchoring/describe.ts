import type { AnnotationTarget } from '../annotation.js';
import { isInsideSurrogatePair } from '../text.js';

/** How much context (UTF-16 code units) a `TextQuoteSelector` keeps on each side. */
export const CONTEXT_LENGTH = 32;

/**
 * Describes the range [start, end) of `text` (UTF-16 offsets in the canonical text) as W3C
 * selectors: a `TextPositionSelector` and a `TextQuoteSelector` with up to 32 code units of
 * prefix and suffix, never cutting a surrogate pair.
 * Throws `RangeError` for an empty, reversed or out-of-bounds range.
 */
export function describe(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`[${start}, ${end}) is not a non-empty range of a text of length ${text.length}`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (isInsideSurrogatePair(text, from)) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (isInsideSurrogatePair(text, to)) to--;
  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) },
  };
}
