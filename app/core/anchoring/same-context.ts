import type { TextQuoteSelector } from '../annotation.js';
import { BLOCK_SEPARATOR } from '../article.js';
import { EXPECTED_REACH, POSITION_REACH } from './support.js';
import { commonAfter, commonBefore, nearestOccurrence } from './quote-search.js';

/**
 * Where `quote.exact`, found at `at` (a UTF-16 offset into `text`), is to be placed when other
 * places hold it with as much of its context agreeing within its paragraph: a paragraph copied
 * elsewhere, two paragraphs ending with the same sentence, a sentence quoted twice. The context
 * past a paragraph break is no evidence between such places (paragraphs are removed, moved and
 * copied), so only the position decides: of the places with that same evidence (the exact text
 * and the context agreeing beside it at `at`, out to a block separator), the one decisively
 * nearest an offset of `near` (where the span is expected, e.g. by its placed neighbours before
 * and after it): within `POSITION_REACH` of it, and no other place within `EXPECTED_REACH` code
 * units as near. One of `near` may have none (its neighbour's paragraph moved), but two may not
 * name different places. Returns `at` when no other place has that evidence, or when `at` is
 * within `EXPECTED_REACH` of `expected` (where the search began; -1: none) and decisively nearest
 * it; else that place's start, or -1 (ambiguous: `near` empty, no place decisively nearest any of
 * them, or two named). Pure; a search around `expected`, else one or two `indexOf` scans of `text`.
 */
export function placeAmongCopies(text: string, quote: TextQuoteSelector, at: number, near: readonly number[], expected = -1): number {
  const { exact, prefix, suffix } = quote;
  const inPrefix = prefix.slice(Math.max(0, prefix.lastIndexOf(BLOCK_SEPARATOR)));
  const cut = suffix.indexOf(BLOCK_SEPARATOR);
  const inSuffix = cut < 0 ? suffix : suffix.slice(0, cut + BLOCK_SEPARATOR.length);
  const before = commonBefore(text, inPrefix, at);
  const evidence = text.slice(at - before, at + exact.length + commonAfter(text, inSuffix, at + exact.length));
  const own = at - before;
  // Found where it was expected, and no copy as near: the position decides without a search of the whole text.
  if (expected >= 0 && Math.abs(at - expected) <= EXPECTED_REACH && nearestDecisively(text, evidence, Math.max(0, expected - before)) === own) return at;
  if (text.indexOf(evidence) === own && text.indexOf(evidence, own + 1) < 0) return at;
  const places = new Set(near.filter((n) => n >= 0).map((n) => nearestDecisively(text, evidence, Math.max(0, n - before))));
  places.delete(-1);
  return places.size === 1 ? [...places][0] + before : -1;
}

/**
 * The occurrence of `evidence` nearest `target` if it is within `POSITION_REACH` of it and no
 * other is within `EXPECTED_REACH` code units as near; else -1.
 */
function nearestDecisively(text: string, evidence: string, target: number): number {
  const nearest = nearestOccurrence(text, evidence, target);
  const distance = Math.abs(nearest - target);
  if (nearest < 0 || distance > POSITION_REACH) return -1;
  const reach = distance + EXPECTED_REACH;
  const from = Math.max(0, target - reach);
  const window = text.slice(from, target + reach + evidence.length);
  for (let i = window.indexOf(evidence); i >= 0; i = window.indexOf(evidence, i + 1)) {
    if (from + i !== nearest) return -1;
  }
  return nearest;
}
