import type { TargetSelectors } from '../annotation.js';
import { normalizeRange } from '../text.js';
import { fuzzyMatch } from './fuzzy.js';

/**
 * Where a target landed in a text: UTF-16 offsets into it, and how it was found (`position`: the
 * old offsets still hold `exact`; `quote`: `exact` found unchanged elsewhere; `fuzzy`: an
 * approximate match, so the text at [start, end) may differ from the old `exact`).
 */
export type Anchor =
  | { status: 'anchored'; start: number; end: number; by: 'position' | 'quote' | 'fuzzy' }
  | { status: 'orphan'; reason: string };

/** Length of the common suffix of `a` and the common prefix of `b`, in code units. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many code units of `prefix` and `suffix` agree beside `exact` placed at `at` in `text`. */
function contextScore(text: string, { exact, prefix, suffix }: TargetSelectors['quote'], at: number): number {
  return commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefix(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
}

/**
 * Finds `target` in `text` (a canonical text), with ordered fallbacks as in the Hypothesis client:
 * 1. the `TextPositionSelector`, accepted only if the text there equals `exact` and at least half
 *    of the recorded context agrees there;
 * 2. every exact occurrence of `exact`, scored by how much of `prefix` and `suffix` surround it,
 *    ties broken by nearness to the old position; the best is accepted only if at least half of
 *    the recorded context agrees, so a span whose own words were deleted does not jump onto the
 *    same word elsewhere;
 * 3. an approximate match of `exact` (`fuzzyMatch`: at most a quarter of its length in errors,
 *    accepted only when its context agrees; see `fuzzy.ts` for the score and thresholds), moved
 *    outward to whole grapheme clusters and, when `exact` has none, inward past edge white space;
 * 4. otherwise an orphan with the reason: never a guess at other text.
 * `target.position` may be absent (an orphan from an export): steps 1 and the nearness rank are skipped.
 */
export function anchor(text: string, target: TargetSelectors): Anchor {
  const { exact, prefix, suffix } = target.quote;
  if (exact === '') return { status: 'orphan', reason: 'the quote is empty' };
  const { start, end } = target.position ?? { start: -1, end: -1 };
  // The same words at the old offsets are not enough (a short quote may land on another copy of
  // itself after an edit before it): half of the recorded context must agree there too.
  if (start >= 0 && end <= text.length && text.slice(start, end) === exact && contextScore(text, target.quote, start) * 2 >= prefix.length + suffix.length) {
    return { status: 'anchored', start, end, by: 'position' };
  }
  let best: { start: number; score: number; distance: number } | null = null;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    const score = contextScore(text, target.quote, i);
    const distance = start < 0 ? 0 : Math.abs(i - start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: i, score, distance };
  }
  if (best && best.score * 2 >= prefix.length + suffix.length) {
    return { status: 'anchored', start: best.start, end: best.start + exact.length, by: 'quote' };
  }
  const fuzzy = fuzzyMatch(text, target.quote, target.position);
  const range = fuzzy && adjust(text, exact, fuzzy.start, fuzzy.end);
  if (range) return { status: 'anchored', ...range, by: 'fuzzy' };
  return {
    status: 'orphan',
    reason: best ? 'the quoted text is in the article only in another context' : 'the quoted text is no longer in the article',
  };
}

/** Moves a fuzzy range to grapheme boundaries, and trims edge white space unless `exact` had some. */
function adjust(text: string, exact: string, start: number, end: number): { start: number; end: number } | null {
  const range = normalizeRange(text, start, end);
  if (!range || exact.trim() === exact) return range;
  return { start: Math.min(start, range.start), end: Math.max(end, range.end) };
}
