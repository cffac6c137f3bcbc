import { BLOCK_SEPARATOR } from '../article.js';
import type { TextQuoteSelector } from '../annotation.js';
import { pinnedDistance, reverse } from './edit-distance.js';
import { CONTEXT_LENGTH } from './describe.js';
import { commonAfter, commonBefore, prefixToBreak, suffixToBreak } from './quote-search.js';

/**
 * The least share of each side of the recorded context (`prefix`, `suffix`; by code units) that
 * must agree beside a new place, by edit distance: 1 − edits / side length (at most 12 edits in
 * 32). Two unrelated 32-unit stretches of news text are 20–28 edits apart (fewer than 1 in 500
 * within 12), while an inserted word or two leaves a side within it.
 */
export const MIN_SIDE_AGREEMENT = 5 / 8;

/**
 * The least agreement of the better side: one side must be the same words but for a small edit
 * (an inserted word), so that two sides each half like another sentence's do not add up to a place.
 */
export const MIN_BEST_SIDE_AGREEMENT = 3 / 4;

/**
 * How far (UTF-16 code units) from where a span is expected a place may be when only one side of
 * its context agrees well and the other only in the `NEAR_LENGTH` code units beside the span (text
 * was edited a little further out): where the span's placed neighbours say it now is, that is enough.
 */
export const EXPECTED_REACH = 32;

/**
 * How far (UTF-16 code units) from where a span is expected a place may be when its context agrees
 * there less than well on both sides: one side only at `MIN_SIDE_AGREEMENT`, or only verbatim out
 * to a paragraph break. Such a place is also what another paragraph that ends or begins with the
 * same words, or a sentence quoted twice, shows; the position of the span's placed neighbours
 * tells them apart.
 */
export const POSITION_REACH = 256;

/** How many code units of a side, next to the span, count as its near part (see `EXPECTED_REACH`). */
export const NEAR_LENGTH = 8;

/** Edits between the recorded context and the text beside a place: `before` the prefix, `after` the suffix. */
export interface SideErrors {
  before: number;
  after: number;
}

/**
 * The Levenshtein edits (UTF-16 code units) between `prefix` and the text ending at `start`
 * (pinned there, free at its far end) and between `suffix` and the text beginning at `end`
 * (likewise); an empty side has none. Each is capped at its side's length. Pure.
 */
export function sideErrors(text: string, prefix: string, suffix: string, start: number, end: number): SideErrors {
  return { before: prefixErrors(text, prefix, start), after: suffixErrors(text, suffix, end) };
}

/** `sideErrors` of the prefix alone. */
function prefixErrors(text: string, prefix: string, start: number): number {
  return prefix === '' ? 0 : pinnedDistance(reverse(prefix), reverse(text.slice(Math.max(0, start - 2 * prefix.length), start)), prefix.length);
}

/** `sideErrors` of the suffix alone. */
function suffixErrors(text: string, suffix: string, end: number): number {
  return suffix === '' ? 0 : pinnedDistance(suffix, text.slice(end, end + 2 * suffix.length), suffix.length);
}

/**
 * Whether the recorded context of `quote` supports placing it at [start, end) of `text` (UTF-16
 * offsets in the canonical text): each side agrees at least `MIN_SIDE_AGREEMENT` by edit distance
 * and one of them at least `MIN_BEST_SIDE_AGREEMENT` (with one side below that, within
 * `POSITION_REACH` of `expected` when it is known); or, within `EXPECTED_REACH` of `expected`
 * (where the span should begin now; absent or negative: nowhere), one side that well (not only out
 * to a paragraph break) and the other
 * in its `NEAR_LENGTH` code units beside the span (at most a quarter of them edited). A side that agrees verbatim from the span out to a block separator it holds stands
 * for one agreeing well when the other agrees at least `MIN_BEST_SIDE_AGREEMENT`, within
 * `POSITION_REACH` of `expected` when it is known: the span is at the same edge of its paragraph,
 * and what lies past it is another paragraph, which may have been removed or moved (the start or
 * end of `text` stands for the separator). An empty side beside a full one (`CONTEXT_LENGTH` code
 * units, but for a surrogate pair, as `describe` records) says the span was at that edge of the
 * text: it agrees there, or (as a side whole to a break) beside a paragraph break; otherwise an
 * empty side (not recorded) agrees anywhere. A side that agrees only at
 * `MIN_SIDE_AGREEMENT`, or in its near part only, counts for nothing where a paragraph break
 * stands in it that the recorded side lacks. `errors` may
 * pass `sideErrors` already computed for this place. Half of the context agreeing in sum is not
 * enough: a short quote, or a sentence repeated in an article, has one side in common with many
 * other places. Pure.
 */
export function contextSupports(text: string, quote: TextQuoteSelector, start: number, end: number, expected?: number, errors?: SideErrors): boolean {
  const { prefix, suffix } = quote;
  const sameBefore = commonBefore(text, prefix, start);
  const sameAfter = commonAfter(text, suffix, end);
  // A paragraph break beside a place where the recorded side has none: the place is at another
  // paragraph's edge, and a side that agrees only in part there is that paragraph's words.
  const breakBefore = !prefix.includes(BLOCK_SEPARATOR) && text.slice(Math.max(0, start - prefix.length), start).includes(BLOCK_SEPARATOR);
  const breakAfter = !suffix.includes(BLOCK_SEPARATOR) && text.slice(end, end + suffix.length).includes(BLOCK_SEPARATOR);
  // `describe` leaves a side empty only at an edge of the text; a side left out by another tool beside a shorter one says nothing.
  const edge = (prefix === '' && suffix.length >= CONTEXT_LENGTH - 1) || (suffix === '' && prefix.length >= CONTEXT_LENGTH - 1);
  const before = edge && prefix === '' ? textEdge(text, start, 'start') : cap(level(prefix.length, sameBefore, () => errors?.before ?? prefixErrors(text, prefix, start), () => prefixToBreak(text, prefix, start)), breakBefore);
  const after = edge && suffix === '' ? textEdge(text, end, 'end') : cap(level(suffix.length, sameAfter, () => errors?.after ?? suffixErrors(text, suffix, end), () => suffixToBreak(text, suffix, end)), breakAfter);
  // A side whole only out to a paragraph break says the span is at that edge of a paragraph, as
  // many are: the other side must then be the same words but for a small edit.
  const least = Math.max(before, after) === 3 ? 2 : 1;
  const known = expected !== undefined && expected >= 0;
  if (Math.min(before, after) >= least && before + after >= 3) {
    // Both sides the same words but for small edits: the span, wherever it is. Less (one side
    // only 5/8, or whole only out to a paragraph break): only near where it is expected.
    if ((before === 2 && after === 2) || !known || Math.abs(start - expected) <= POSITION_REACH) return true;
  }
  if (!known || Math.abs(start - expected) > EXPECTED_REACH) return false;
  const near = (length: number, same: number, edits: () => number) => length - same <= Math.floor(length / 4) || edits() <= Math.floor(length / 4);
  const nearBefore = () => !breakBefore && near(Math.min(NEAR_LENGTH, prefix.length), Math.min(NEAR_LENGTH, sameBefore), () => prefixErrors(text, prefix.slice(-NEAR_LENGTH), start));
  const nearAfter = () => !breakAfter && near(Math.min(NEAR_LENGTH, suffix.length), Math.min(NEAR_LENGTH, sameAfter), () => suffixErrors(text, suffix.slice(0, NEAR_LENGTH), end));
  return (before === 2 && nearAfter()) || (after === 2 && nearBefore());
}

/** A side's `level` where a paragraph break stands in it that the recorded side lacks: one agreeing only at `MIN_SIDE_AGREEMENT` counts for nothing. */
function cap(level: number, newBreak: boolean): number {
  return newBreak && level === 1 ? 0 : level;
}

/**
 * The `level` of an empty side of a quote whose other side is not empty: the span was at that
 * edge of the text. 2 at the same edge, 3 beside a paragraph break (text was added past it), else 0.
 */
function textEdge(text: string, at: number, edge: 'start' | 'end'): number {
  if (edge === 'start') return at === 0 ? 2 : text.slice(0, at).endsWith(BLOCK_SEPARATOR) ? 3 : 0;
  return at === text.length ? 2 : text.startsWith(BLOCK_SEPARATOR, at) ? 3 : 0;
}

/**
 * How well one side of `length` code units agrees: 3 verbatim out to a paragraph break it holds
 * only, 2 at `MIN_BEST_SIDE_AGREEMENT`, 1 at `MIN_SIDE_AGREEMENT`, else 0. `same` code units beside the span agree
 * verbatim, so at most `length - same` edits are needed (the rest substituted): the edit distance
 * is computed only when that is not already enough.
 */
function level(length: number, same: number, edits: () => number, toBreak: () => boolean): number {
  const strong = Math.floor(length * (1 - MIN_BEST_SIDE_AGREEMENT));
  const weak = Math.floor(length * (1 - MIN_SIDE_AGREEMENT));
  if (length - same <= strong) return 2;
  if (toBreak()) return 3;
  const e = edits();
  return e <= strong ? 2 : e <= weak ? 1 : 0;
}

