import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../annotation.js';
import { editDistance } from './edit-distance.js';
import { mayOccurOutside } from './rival.js';
import { contextSupports, sideErrors } from './support.js';

/**
 * The error budget of a fuzzy search: at most this fraction of the quote's length (UTF-16 code
 * units, rounded down) may be inserted, deleted or substituted. A 4–7 unit quote may differ by
 * one unit, a 3-unit quote not at all.
 */
export const MAX_QUOTE_ERROR_RATIO = 1 / 4;

/**
 * The least share of the recorded prefix and suffix (by code units) that must agree with the
 * text beside a fuzzy match. Below it the match is the same words in another context.
 */
export const MIN_CONTEXT_AGREEMENT = 1 / 2;

/**
 * The least `quality` of an accepted fuzzy match: the mean of quote agreement and context
 * agreement, each in [0, 1]. An exact quote passes with half its context; a quote at the full
 * error budget needs three quarters of its context.
 */
export const MIN_MATCH_QUALITY = 3 / 4;

/**
 * How many code units of context beside each end of a fuzzy match must agree (with at most a
 * quarter of them edited, as for the quote): the evidence that the match ends where the span did.
 */
export const BOUNDARY_LENGTH = 8;

/**
 * How far (UTF-16 code units) on each side of the expected range the first, local search reaches
 * before the whole text is searched.
 */
export const SEARCH_WINDOW = 1024;

/** A range of the text, [start, end) in UTF-16 code units. */
interface Range {
  start: number;
  end: number;
}

/** A candidate range with its edit distance to `exact`, within the budget. */
interface Candidate extends Range {
  errors: number;
}

/**
 * A scored fuzzy match: `errors` edits from `exact`, `contextErrors` edits from the recorded
 * prefix and suffix pinned at its ends; agreements are 1 − errors / length, in [0, 1].
 */
export interface FuzzyMatch extends Candidate {
  contextErrors: number;
  quoteAgreement: number;
  contextAgreement: number;
  quality: number;
}

/** Adds the lowest-cost matches of `exact` in text[from, to) to `into`, keyed by range. */
function collect(text: string, exact: string, maxErrors: number, from: number, to: number, into: Map<string, Candidate>): void {
  if (to - from <= 0) return;
  for (const m of search(text.slice(from, to), exact, maxErrors)) add(into, { start: m.start + from, end: m.end + from, errors: m.errors });
}

function add(into: Map<string, Candidate>, c: Candidate): void {
  const key = `${c.start}:${c.end}`;
  const known = into.get(key);
  if (!known || known.errors > c.errors) into.set(key, c);
}

/**
 * Adds the ranges between where `prefix` ends and where `suffix` begins inside region `r` (a match
 * of prefix + exact + suffix), each side found within its own budget, when within `maxErrors`
 * edits of `exact`: where the context says the quote now is. The search for `exact` alone reports
 * only its lowest-cost matches, which can be a near-copy in the context rather than the edited
 * quote itself.
 */
function between(text: string, quote: TextQuoteSelector, maxErrors: number, r: Candidate, into: Map<string, Candidate>): void {
  const { exact, prefix, suffix } = quote;
  const pad = r.errors + maxErrors;
  const sides = (pattern: string, from: number, to: number, side: 'start' | 'end'): number[] => {
    if (pattern === '') return [side === 'start' ? r.start : r.end];
    const lo = Math.max(0, from);
    const found = search(text.slice(lo, Math.min(text.length, to)), pattern, Math.floor(pattern.length * MAX_QUOTE_ERROR_RATIO));
    return [...new Set(found.map((m) => lo + (side === 'start' ? m.end : m.start)))].slice(0, 4);
  };
  for (const start of sides(prefix, r.start - pad, r.start + prefix.length + pad, 'start')) {
    for (const end of sides(suffix, r.end - suffix.length - pad, r.end + pad, 'end')) {
      const errors = end > start ? editDistance(exact, text.slice(start, end), maxErrors) : Infinity;
      if (errors <= maxErrors) add(into, { start, end, errors });
    }
  }
}

/**
 * Candidate places for `exact` in text[from, to): approx-string-match reports only the lowest-cost
 * matches of a search, so an unedited copy elsewhere would hide an edited quote at its own place.
 * Hence more searches: all of [from, to), a narrow and a wide window around the old position, and,
 * in each place where the quote with its prefix and suffix matches best, a window where the quote
 * should be and the range that the prefix and suffix enclose.
 */
function candidates(text: string, quote: TextQuoteSelector, maxErrors: number, hint: TextPositionSelector | undefined, from: number, to: number): Candidate[] {
  const { exact, prefix, suffix } = quote;
  const found = new Map<string, Candidate>();
  const around = (start: number, end: number, pad: number) =>
    collect(text, exact, maxErrors, Math.max(0, start - pad), Math.min(text.length, end + pad), found);
  collect(text, exact, maxErrors, from, to, found);
  if (hint) {
    around(hint.start, hint.end, maxErrors);
    around(hint.start, hint.end, Math.max(256, exact.length));
  }
  if (prefix !== '' || suffix !== '') {
    const whole = prefix + exact + suffix;
    for (const m of search(text.slice(from, to), whole, Math.floor(whole.length * MAX_QUOTE_ERROR_RATIO)).slice(0, 8)) {
      const r = { start: m.start + from, end: m.end + from, errors: m.errors };
      around(r.start + prefix.length, r.end - suffix.length, r.errors + maxErrors);
      between(text, quote, maxErrors, r, found);
    }
  }
  return [...found.values()];
}

/** Edits between the recorded prefix and suffix and the text pinned at [start, end)'s ends. */
function contextErrors(text: string, prefix: string, suffix: string, start: number, end: number): number {
  const { before, after } = sideErrors(text, prefix, suffix, start, end);
  return before + after;
}

/**
 * Searches `text` for an approximate match of `quote.exact` (Myers' bit-parallel algorithm, via
 * approx-string-match), in the spirit of the Hypothesis client's match-quote:
 * 1. candidates: the lowest-cost matches within the error budget (`MAX_QUOTE_ERROR_RATIO`) in the
 *    text searched (see below), near the hint (where the span is expected; optional) and where
 *    the context matches best, and the ranges the context encloses there;
 * 2. a candidate is acceptable when its context agreement (recorded `prefix` and `suffix` against
 *    the text pinned at its ends) is at least `MIN_CONTEXT_AGREEMENT`, its quality (mean of
 *    quote and context agreement) at least `MIN_MATCH_QUALITY`, and the context supports it side
 *    by side (`contextSupports`, the hint's start being where the span is expected);
 * 3. of the acceptable ones, the least total of edits (quote plus context) wins, ties going to
 *    fewer edits in the quote, then to nearness to the old position;
 * 4. an inexact winner stands only if each of its ends is confirmed by the `BOUNDARY_LENGTH` code
 *    units of context beside it (at most a quarter of them edited), and an end that was between
 *    words (letters or digits) is not inside one; otherwise, or with no acceptable candidate,
 *    `null` (the caller makes an orphan).
 * With a hint, steps 1–3 run first within `SEARCH_WINDOW` code units of it; that winner is taken
 * only when the quote with its context cannot occur outside the window within as many edits as
 * the winner has (`mayOccurOutside`), since only such a place could score better; otherwise, and
 * when the window holds no acceptable candidate, they run over the whole text.
 * Ranges are UTF-16 offsets into `text` (not yet moved to grapheme boundaries). Pure.
 */
export function fuzzyMatch(text: string, quote: TextQuoteSelector, hint?: TextPositionSelector): FuzzyMatch | null {
  const { exact, prefix, suffix } = quote;
  if (exact === '' || text === '') return null;
  const maxErrors = Math.floor(exact.length * MAX_QUOTE_ERROR_RATIO);
  let best: Scored | null = null;
  if (hint) {
    // First the neighbourhood of the expected position; its winner stands only if nothing outside
    // it could beat it: a better candidate would be the quote with its context within as many edits.
    const from = Math.max(0, hint.start - SEARCH_WINDOW);
    const to = Math.min(text.length, hint.end + SEARCH_WINDOW);
    const near = bestOf(text, quote, hint, candidates(text, quote, maxErrors, hint, from, to));
    if (near && !mayOccurOutside(text, prefix + exact + suffix, near.errors + near.contextErrors, from, to)) best = near;
  }
  best ??= bestOf(text, quote, hint, candidates(text, quote, maxErrors, hint, 0, text.length));
  if (!best) return null;
  // An inexact winner's ends must be where the span's were: text inserted just beside an edited
  // quote can otherwise be taken in, or the quote cut where it begins. Unconfirmed: an orphan, not
  // the runner-up (which would be that mistake the other way round). An unedited quote has its ends.
  const nearMax = Math.floor(BOUNDARY_LENGTH * MAX_QUOTE_ERROR_RATIO);
  if (best.errors > 0 && contextErrors(text, prefix.slice(-BOUNDARY_LENGTH), '', best.start, best.end) > nearMax) return null;
  if (best.errors > 0 && contextErrors(text, '', suffix.slice(0, BOUNDARY_LENGTH), best.start, best.end) > nearMax) return null;
  // A span that began or ended between words does so still: an edited quote cut inside a word
  // (its last word deleted, the next word's first letter taken for it) is not the span.
  if (best.errors > 0 && (splitsWord(prefix.at(-1), exact[0], text[best.start - 1], text[best.start]) || splitsWord(exact.at(-1), suffix[0], text[best.end - 1], text[best.end]))) return null;
  const { distance: _, ...match } = best;
  return match;
}

/** Whether a letter or digit. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether an edge that was between words (`was`: the code units before and after it in the old
 * text, either absent at a text edge) now falls inside one (`now`: those at the new edge).
 */
function splitsWord(wasBefore: string | undefined, wasAfter: string | undefined, nowBefore: string | undefined, nowAfter: string | undefined): boolean {
  const inWord = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && WORD.test(a) && WORD.test(b);
  return !inWord(wasBefore, wasAfter) && inWord(nowBefore, nowAfter);
}

/** A fuzzy match with its distance from the hint's start (0 without a hint), for ranking. */
type Scored = FuzzyMatch & { distance: number };

/** Steps 2 and 3 of `fuzzyMatch`: the best acceptable candidate, or null. */
function bestOf(text: string, quote: TextQuoteSelector, hint: TextPositionSelector | undefined, found: readonly Candidate[]): Scored | null {
  const { exact, prefix, suffix } = quote;
  const contextLength = prefix.length + suffix.length;
  let best: Scored | null = null;
  for (const c of found) {
    const sides = sideErrors(text, prefix, suffix, c.start, c.end);
    const ctx = sides.before + sides.after;
    const quoteAgreement = 1 - c.errors / exact.length;
    // With no recorded context the quote is the whole text it came from: nothing to disagree with.
    const contextAgreement = contextLength === 0 ? 1 : 1 - ctx / contextLength;
    const quality = (quoteAgreement + contextAgreement) / 2;
    if (contextAgreement < MIN_CONTEXT_AGREEMENT || quality < MIN_MATCH_QUALITY) continue;
    if (!contextSupports(text, quote, c.start, c.end, hint?.start, sides)) continue;
    const scored = { ...c, contextErrors: ctx, quoteAgreement, contextAgreement, quality, distance: hint ? Math.abs(c.start - hint.start) : 0 };
    const total = c.errors + ctx;
    const bestTotal = best ? best.errors + best.contextErrors : Infinity;
    if (total < bestTotal || (total === bestTotal && best && (c.errors < best.errors || (c.errors === best.errors && scored.distance < best.distance)))) best = scored;
  }
  return best;
}
