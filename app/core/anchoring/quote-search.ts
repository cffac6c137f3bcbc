import { BLOCK_SEPARATOR } from '../article.js';
import type { TextQuoteSelector } from '../annotation.js';

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
 * Whether the text before `start` ends as `prefix` does from its last block separator on (or, at
 * the start of the text, is all of what follows that separator): the context agrees verbatim out
 * to a paragraph break, past which another paragraph stands (one that may have been added,
 * removed or moved). False for a prefix without a separator.
 */
export function prefixToBreak(text: string, prefix: string, start: number): boolean {
  const at = prefix.lastIndexOf(BLOCK_SEPARATOR);
  if (at < 0) return false;
  const part = prefix.slice(at);
  const inside = part.slice(BLOCK_SEPARATOR.length);
  return (start >= part.length && text.slice(start - part.length, start) === part) || (start === inside.length && text.slice(0, start) === inside);
}

/** Whether the text after `end` begins as `suffix` does up to its first block separator (or, at the end of the text, is all of that part); see `prefixToBreak`. */
export function suffixToBreak(text: string, suffix: string, end: number): boolean {
  const at = suffix.indexOf(BLOCK_SEPARATOR);
  if (at < 0) return false;
  const part = suffix.slice(0, at + BLOCK_SEPARATOR.length);
  const inside = suffix.slice(0, at);
  return text.slice(end, end + part.length) === part || (end + inside.length === text.length && text.slice(end) === inside);
}

/**
 * How many code units (UTF-16) of `quote.prefix` and `quote.suffix` agree beside `quote.exact`
 * placed at `at` in `text`, compared in place (`commonBefore`, `commonAfter`), where a side that
 * agrees verbatim out to a paragraph break (`prefixToBreak`, `suffixToBreak`) counts whole when
 * that says where the span is: words of its own paragraph agree on that side (the span is inside
 * its paragraph, or ends it), or the span is a whole paragraph still at the same edge of the text
 * (its other side recorded empty there: a headline at the start, a last paragraph at the end). A
 * whole paragraph elsewhere agrees only in its paragraph breaks, as any paragraph with the same
 * words does: those count for their length alone. At most `prefix.length + suffix.length`.
 */
export function paragraphContextScore(text: string, quote: TextQuoteSelector, at: number): number {
  const { exact, prefix, suffix } = quote;
  const end = at + exact.length;
  const atStart = prefix === '' && at === 0;
  const atEnd = suffix === '' && end === text.length;
  const ownBefore = prefix.slice(prefix.lastIndexOf(BLOCK_SEPARATOR) + BLOCK_SEPARATOR.length) !== '';
  const ownAfter = suffix.indexOf(BLOCK_SEPARATOR) > 0;
  const before = (ownBefore || atEnd) && prefixToBreak(text, prefix, at) ? prefix.length : commonBefore(text, prefix, at);
  return before + ((ownAfter || atStart) && suffixToBreak(text, suffix, end) ? suffix.length : commonAfter(text, suffix, end));
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
 * the most recorded context agreeing beside it (`paragraphContextScore`), ties going to the one nearest
 * `near` (-1: none), then to the first; accepted only when at least half of the context agrees,
 * else -1. Found without scoring every occurrence of a short quote: one with all its context is
 * an occurrence of prefix + exact + suffix (the nearest is looked for outward from `near`), and
 * one with half has at least half of the prefix or half of the suffix beside it, or a side's
 * part out to its paragraph break, so only occurrences of those longer strings are scored.
 */
export function findByContext(text: string, quote: TextQuoteSelector, near: number): number {
  const { exact, prefix, suffix } = quote;
  const whole = nearestOccurrence(text, prefix + exact + suffix, near < 0 ? -1 : Math.max(0, near - prefix.length));
  if (whole >= 0) return whole + prefix.length;
  const half = Math.ceil(prefix.length / 2);
  let best: { start: number; score: number; distance: number } | null = null;
  const consider = (i: number) => {
    const score = paragraphContextScore(text, quote, i);
    const distance = near < 0 ? 0 : Math.abs(i - near);
    if (!best || score > best.score || (score === best.score && (distance < best.distance || (distance === best.distance && i < best.start)))) best = { start: i, score, distance };
  };
  const before = prefix.slice(prefix.length - half) + exact;
  for (let i = text.indexOf(before); i >= 0; i = text.indexOf(before, i + 1)) consider(i + half);
  const after = exact + suffix.slice(0, Math.ceil(suffix.length / 2));
  for (let i = text.indexOf(after); i >= 0; i = text.indexOf(after, i + 1)) consider(i);
  // A side that agrees out to a paragraph break counts whole (`paragraphContextScore`): such a
  // place may have neither half of a side beside it, but has the part of a side out to its break.
  const breakBefore = prefix.lastIndexOf(BLOCK_SEPARATOR);
  if (breakBefore >= 0) {
    const part = prefix.slice(breakBefore);
    for (let i = text.indexOf(part + exact); i >= 0; i = text.indexOf(part + exact, i + 1)) consider(i + part.length);
    const inside = part.slice(BLOCK_SEPARATOR.length);
    if (text.startsWith(inside + exact)) consider(inside.length);
  }
  const breakAfter = suffix.indexOf(BLOCK_SEPARATOR);
  if (breakAfter >= 0) {
    const part = suffix.slice(0, breakAfter + BLOCK_SEPARATOR.length);
    for (let i = text.indexOf(exact + part); i >= 0; i = text.indexOf(exact + part, i + 1)) consider(i);
    const inside = suffix.slice(0, breakAfter);
    if (text.endsWith(exact + inside)) consider(text.length - inside.length - exact.length);
  }
  const found = best as { start: number; score: number } | null;
  return found && found.score * 2 >= prefix.length + suffix.length ? found.start : -1;
}
