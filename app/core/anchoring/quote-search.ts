import type { TextQuoteSelector } from '../annotation.js';

/**
 * How many code units of `prefix` and `suffix` agree beside `exact` placed at `at` in `text`
 * (a UTF-16 offset): the common suffix of the text before `at` with `prefix` plus the common
 * prefix of the text after the quote with `suffix`, compared in place.
 */
export function contextScore(text: string, { exact, prefix, suffix }: TextQuoteSelector, at: number): number {
  return commonBefore(text, prefix, at) + commonAfter(text, suffix, at + exact.length);
}

/** How many UTF-16 code units of `text` before offset `start` agree verbatim with the end of `prefix`. */
export function commonBefore(text: string, prefix: string, start: number): number {
  let same = 0;
  while (same < prefix.length && same < start && text.charCodeAt(start - 1 - same) === prefix.charCodeAt(prefix.length - 1 - same)) same++;
  return same;
}

/** How many UTF-16 code units of `text` from offset `end` on agree verbatim with the start of `suffix`. */
export function commonAfter(text: string, suffix: string, end: number): number {
  let same = 0;
  while (same < suffix.length && end + same < text.length && text.charCodeAt(end + same) === suffix.charCodeAt(same)) same++;
  return same;
}

/**
 * The occurrence of `pattern` in `text` nearest to offset `near` (ties to the earlier one), or -1;
 * with `near` < 0, the first. The search looks in windows around `near` growing fourfold, so its
 * cost grows with the distance to the answer rather than with the text: an occurrence in a window
 * is nearer than any outside it.
 */
export function nearestOccurrence(text: string, pattern: string, near: number): number {
  if (near < 0) return text.indexOf(pattern);
  const from = Math.min(near, text.length);
  for (let reach = 256; ; reach *= 4) {
    const lo = Math.max(0, from - reach);
    const hi = Math.min(text.length, from + reach + pattern.length);
    const part = text.slice(lo, hi);
    let best = -1;
    for (let i = part.indexOf(pattern); i >= 0; i = part.indexOf(pattern, i + 1)) {
      if (best < 0 || Math.abs(lo + i - from) < Math.abs(best - from)) best = lo + i;
      if (lo + i >= from) break;
    }
    if (best >= 0 || (lo === 0 && hi === text.length)) return best;
  }
}

/**
 * Step 2 of `anchor`: the start (UTF-16 offset) of the occurrence of `quote.exact` in `text` with
 * the most recorded context agreeing beside it (`contextScore`), ties going to the one nearest
 * `near` (-1: none), then to the first; accepted only when at least half of the context agrees,
 * else -1. Found without scoring every occurrence of a short quote: one with all its context is
 * an occurrence of prefix + exact + suffix (the nearest is looked for outward from `near`), and
 * one with half has at least half of the prefix or half of the suffix beside it, so only
 * occurrences of those two longer strings are scored.
 */
export function findByContext(text: string, quote: TextQuoteSelector, near: number): number {
  const { exact, prefix, suffix } = quote;
  const whole = nearestOccurrence(text, prefix + exact + suffix, near < 0 ? -1 : Math.max(0, near - prefix.length));
  if (whole >= 0) return whole + prefix.length;
  const half = Math.ceil(prefix.length / 2);
  let best: { start: number; score: number; distance: number } | null = null;
  const consider = (i: number) => {
    const score = contextScore(text, quote, i);
    const distance = near < 0 ? 0 : Math.abs(i - near);
    if (!best || score > best.score || (score === best.score && (distance < best.distance || (distance === best.distance && i < best.start)))) best = { start: i, score, distance };
  };
  const before = prefix.slice(prefix.length - half) + exact;
  for (let i = text.indexOf(before); i >= 0; i = text.indexOf(before, i + 1)) consider(i + half);
  const after = exact + suffix.slice(0, Math.ceil(suffix.length / 2));
  for (let i = text.indexOf(after); i >= 0; i = text.indexOf(after, i + 1)) consider(i);
  const found = best as { start: number; score: number } | null;
  return found && found.score * 2 >= prefix.length + suffix.length ? found.start : -1;
}
