import { partitionPoint } from './partition-point.js';

/**
 * Offsets and units in the canonical text.
 *
 * Every offset in Attest is a UTF-16 code unit index into an article's canonical text
 * (see `article.ts`) unless its name says `CodePoint`. These helpers convert between the two
 * units and move ranges to boundaries a person would choose: never inside a surrogate pair or
 * a grapheme cluster (ECMA-402 `Intl.Segmenter`), never with leading or trailing white space.
 */

/** True when the UTF-16 code unit at `i` is the second half of a surrogate pair in `text`. */
export function isInsideSurrogatePair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * `quote` cut for display: whole when it has at most `max` UTF-16 code units, else its first `max`
 * (one fewer rather than half a surrogate pair) and "…". Stores and exports keep quotes whole.
 */
export function cutQuote(quote: string, max: number): string {
  if (quote.length <= max) return quote;
  return `${quote.slice(0, isInsideSurrogatePair(quote, max) ? max - 1 : max)}…`;
}

/**
 * Converts a UTF-16 offset into `text` to a Unicode code point offset.
 * Throws `RangeError` when `utf16` is outside [0, text.length] or splits a surrogate pair.
 */
export function codePointOffset(text: string, utf16: number): number {
  if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > text.length) {
    throw new RangeError(`offset ${utf16} is outside the text (length ${text.length})`);
  }
  if (isInsideSurrogatePair(text, utf16)) {
    throw new RangeError(`offset ${utf16} splits a surrogate pair`);
  }
  let count = 0;
  for (let i = 0; i < utf16; i++) if (!isInsideSurrogatePair(text, i)) count++;
  return count;
}

/**
 * Converts a Unicode code point offset into `text` to a UTF-16 offset.
 * Throws `RangeError` when `codePoint` is beyond the text's code point length.
 */
export function utf16Offset(text: string, codePoint: number): number {
  if (!Number.isInteger(codePoint) || codePoint < 0) {
    throw new RangeError(`code point offset ${codePoint} is not a natural number`);
  }
  let i = 0;
  for (let n = 0; n < codePoint; n++) {
    if (i >= text.length) throw new RangeError(`code point offset ${codePoint} is beyond the text`);
    i += isInsideSurrogatePair(text, i + 1) ? 2 : 1;
  }
  return i;
}

/** How many of the ascending `values` are below `x`. */
function countBelow(values: readonly number[], x: number): number {
  return partitionPoint(values.length, (i) => values[i] >= x);
}

/**
 * A converter for many offsets into one text: one pass that notes where its surrogate pairs are
 * (memory for those only), then O(log pairs) per UTF-16 offset. Returns a function from UTF-16
 * offset to code point offset (same errors as `codePointOffset`).
 */
export function codePointIndex(text: string): (utf16: number) => number {
  // The UTF-16 offsets of each pair's second half: each one before an offset is a code unit more than code points.
  const seconds: number[] = [];
  for (let i = 1; i < text.length; i++) if (isInsideSurrogatePair(text, i)) seconds.push(i++);
  return (utf16) => {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > text.length) {
      throw new RangeError(`offset ${utf16} is outside the text (length ${text.length})`);
    }
    if (isInsideSurrogatePair(text, utf16)) throw new RangeError(`offset ${utf16} splits a surrogate pair`);
    return utf16 - countBelow(seconds, utf16);
  };
}

/**
 * The inverse converter for many offsets into one text: one pass that notes where its surrogate
 * pairs are (memory for those only), then O(log pairs) per code point offset. Returns a function
 * from code point offset to UTF-16 offset (same errors as `utf16Offset`).
 */
export function utf16Index(text: string): (codePoint: number) => number {
  // The code point offsets of the surrogate pairs: each one before an offset is a code unit more.
  const pairs: number[] = [];
  let codePoints = 0;
  for (let i = 0; i < text.length; i++, codePoints++) if (isInsideSurrogatePair(text, i + 1)) (pairs.push(codePoints), i++);
  return (codePoint) => {
    if (!Number.isInteger(codePoint) || codePoint < 0) throw new RangeError(`code point offset ${codePoint} is not a natural number`);
    if (codePoint > codePoints) throw new RangeError(`code point offset ${codePoint} is beyond the text`);
    return codePoint + countBelow(pairs, codePoint);
  };
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The grapheme cluster (ECMA-402 `Intl.Segmenter`, granularity "grapheme") of `text` that contains
 * the UTF-16 offset `i`, as [start, end) in UTF-16 code units.
 */
function graphemeAt(text: string, i: number): [number, number] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // Segment a small window only: clusters are short, and segmenting a 400k text per call is not.
  const from = Math.max(0, i - 64);
  const window = text.slice(from, Math.min(text.length, i + 64));
  const seg = segmenter.segment(window).containing(i - from);
  if (!seg) return [i, i];
  return [from + seg.index, from + seg.index + seg.segment.length];
}

/** White space that is never part of a tagged span's ends: ASCII space, tab, CR, LF, FF. NBSP is text. */
const EDGE_SPACE = /[ \t\r\n\f]/;

/**
 * Moves a selected range [start, end) in `text` (UTF-16) to what the analyst meant: outward to
 * whole grapheme clusters (an emoji or a letter with its combining marks is never split), then
 * inward past leading and trailing ASCII white space (a double-clicked word never takes its space).
 * Returns `null` when nothing but white space is left. Clamps to [0, text.length].
 */
export function normalizeRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end, 0));
  if (s < text.length) s = graphemeAt(text, s)[0];
  if (e > 0) e = graphemeAt(text, e - 1)[1];
  while (s < e && EDGE_SPACE.test(text[s])) s++;
  while (e > s && EDGE_SPACE.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}
