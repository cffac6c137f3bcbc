import type { TargetSelectors } from '../annotation.js';
import { normalizeRange } from '../text.js';
import { fuzzyMatch } from './fuzzy.js';
import { findByContext, paragraphContextScore } from './quote-search.js';
import { placeAmongCopies } from './same-context.js';
import { contextSupports } from './support.js';

/** The orphan reason when the quote is found but its context supports no place (`contextSupports`). */
export const ONE_SIDED_REASON = 'the quoted text is in the article, but its context agrees there on one side only';

/**
 * The orphan reason when the quote stands with the same context in several places and its placed
 * neighbours do not say which (`placeAmongCopies`).
 */
export const AMBIGUOUS_REASON = 'the quoted text is in the article in more than one place with the same context, and none is where the annotations around it are';

/**
 * Where a target landed in a text: UTF-16 offsets into it, and how it was found (`position`: the
 * old offsets still hold `exact`; `quote`: `exact` found unchanged elsewhere; `fuzzy`: an
 * approximate match, so the text at [start, end) may differ from the old `exact`).
 */
export type Anchor =
  | { status: 'anchored'; start: number; end: number; by: 'position' | 'quote' | 'fuzzy' }
  | { status: 'orphan'; reason: string };

/**
 * Finds `target` in `text` (a canonical text), with ordered fallbacks as in the Hypothesis client:
 * 1. the `TextPositionSelector`, accepted only if the text there equals `exact` and at least half
 *    of the recorded context agrees there verbatim;
 * 2. every exact occurrence of `exact`, scored by how much of `prefix` and `suffix` surround it,
 *    ties broken by nearness to the expected position; the best is accepted only if at least half of
 *    the recorded context agrees, so a span whose own words were deleted does not jump onto the
 *    same word elsewhere; where other places hold it with the same context within its paragraph
 *    (a copied paragraph), the position decides or it is an orphan (`placeAmongCopies`);
 * 3. an approximate match of `exact` (`fuzzyMatch`: at most a quarter of its length in errors,
 *    accepted only when its context agrees; see `fuzzy.ts` for the score and thresholds), moved
 *    outward to whole grapheme clusters and, when `exact` has none, inward past edge white space;
 * 4. otherwise an orphan with the reason: never a guess at other text.
 * Every step also needs `contextSupports`: each side of the context agreeing (by edit distance, or
 * verbatim out to a paragraph break), or, where the span is expected, one side and the words right
 * beside the other; a quote with only one side in common with a place is other words there, not
 * the span, however long the side or the quote.
 * `target.position` may be absent (an orphan from an export): steps 1 and the nearness rank are skipped.
 * `expectedStart` (optional, a UTF-16 offset into `text`) is where the caller expects the span to
 * begin now, e.g. its old start moved as much as its placed neighbours moved (`reanchor`): steps 2
 * and 3 search outward from it and rank by nearness to it; without it, the old start serves.
 */
export function anchor(text: string, target: TargetSelectors, expectedStart?: number): Anchor {
  const found = anchorExactly(text, target, expectedStart);
  return found.status === 'anchored' ? found : anchorFuzzily(text, target, found, expectedStart);
}

/**
 * Steps 1 and 2 of `anchor` (the old position, then the exact quote by its context): the anchor,
 * or the orphan `anchor` would give if step 3 found nothing either. `neighbours` (UTF-16 offsets
 * into `text`) are where the span's placed neighbours say it begins now; where the quote stands
 * with the same context in several places, the place nearest each of them is taken, if it is the
 * same (`placeAmongCopies`); empty: such a quote is an orphan (`reanchor` tries it again once the
 * others are placed). By default, the expected start alone.
 */
export function anchorExactly(text: string, target: TargetSelectors, expectedStart?: number, neighbours?: readonly number[]): Anchor {
  const { exact, prefix, suffix } = target.quote;
  if (exact === '') return { status: 'orphan', reason: 'the quote is empty' };
  const { start, end } = target.position ?? { start: -1, end: -1 };
  // The same words at the old offsets are not enough (a short quote may land on another copy of
  // itself after an edit before it): half of the recorded context must agree there too, each side.
  const expected = expectedStart ?? start;
  const there = start >= 0 && end <= text.length && text.slice(start, end) === exact;
  if (there && paragraphContextScore(text, target.quote, start) * 2 >= prefix.length + suffix.length && contextSupports(text, target.quote, start, end, expected)) {
    return { status: 'anchored', start, end, by: 'position' };
  }
  const found = findByContext(text, target.quote, expected);
  const at = found >= 0 ? placeAmongCopies(text, target.quote, found, neighbours ?? [expected], expected) : -1;
  if (found >= 0 && at < 0) return { status: 'orphan', reason: AMBIGUOUS_REASON };
  if (at >= 0) {
    if (contextSupports(text, target.quote, at, at + exact.length, expected)) return { status: 'anchored', start: at, end: at + exact.length, by: 'quote' };
    return { status: 'orphan', reason: ONE_SIDED_REASON };
  }
  return {
    status: 'orphan',
    reason: text.includes(exact) ? 'the quoted text is in the article only in another context' : 'the quoted text is no longer in the article',
  };
}

/**
 * Step 3 of `anchor`, for a target `anchorExactly` did not place (`missed`, its orphan): an
 * approximate match around `expectedStart` (see `anchor`), else `missed` itself. Not tried when
 * `missed` is ambiguous (`AMBIGUOUS_REASON`).
 */
export function anchorFuzzily(text: string, target: TargetSelectors, missed: Anchor, expectedStart?: number): Anchor {
  const { exact } = target.quote;
  // The quote stands whole with its context in several places: an approximate match is one of them or worse.
  if (exact === '' || (missed.status === 'orphan' && missed.reason === AMBIGUOUS_REASON)) return missed;
  const old = target.position;
  const hint = old && expectedStart !== undefined ? { ...old, start: expectedStart, end: expectedStart + old.end - old.start } : old;
  const fuzzy = fuzzyMatch(text, target.quote, hint);
  const range = fuzzy && adjust(text, exact, fuzzy.start, fuzzy.end);
  return range ? { status: 'anchored', ...range, by: 'fuzzy' } : missed;
}

/** Moves a fuzzy range to grapheme boundaries, and trims edge white space unless `exact` had some. */
function adjust(text: string, exact: string, start: number, end: number): { start: number; end: number } | null {
  const range = normalizeRange(text, start, end);
  if (!range || exact.trim() === exact) return range;
  return { start: Math.min(start, range.start), end: Math.max(end, range.end) };
}
