import type { AnnotationTarget } from '../annotation.js';

/** Where a target landed in a text: UTF-16 offsets, and which selector placed it. */
export type Anchor =
  | { status: 'anchored'; start: number; end: number; by: 'position' | 'quote' }
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

/**
 * Finds `target` in `text` (a canonical text), with ordered fallbacks as in the Hypothesis client:
 * 1. the `TextPositionSelector`, accepted only if the text there equals `exact`;
 * 2. every exact occurrence of `exact`, scored by how much of `prefix` and `suffix` surround it,
 *    ties broken by nearness to the old position; the best is accepted only if at least half of
 *    the recorded context agrees, so a span whose own words were deleted does not jump onto the
 *    same word elsewhere;
 * 3. otherwise an orphan with the reason: never a guess at other text.
 * Fuzzy (approximate) matching of an edited quote is not attempted here.
 */
export function anchor(text: string, target: AnnotationTarget): Anchor {
  const { start, end } = target.position;
  const { exact, prefix, suffix } = target.quote;
  if (exact === '') return { status: 'orphan', reason: 'the quote is empty' };
  if (start >= 0 && end <= text.length && text.slice(start, end) === exact) {
    return { status: 'anchored', start, end, by: 'position' };
  }
  let best: { start: number; score: number; distance: number } | null = null;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    const score = commonSuffix(text.slice(Math.max(0, i - prefix.length), i), prefix) +
      commonPrefix(text.slice(i + exact.length, i + exact.length + suffix.length), suffix);
    const distance = Math.abs(i - start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: i, score, distance };
  }
  if (!best) return { status: 'orphan', reason: 'the quoted text is no longer in the article' };
  if (best.score * 2 < prefix.length + suffix.length) {
    return { status: 'orphan', reason: 'the quoted text is in the article only in another context' };
  }
  return { status: 'anchored', start: best.start, end: best.start + exact.length, by: 'quote' };
}
