/**
 * Levenshtein distances (insertions, deletions, substitutions of UTF-16 code units) for scoring
 * anchors. approx-string-match finds where a pattern occurs; these measure one given alignment,
 * which that library does not offer. Both cap their work at `max` and answer `max + 1` beyond it.
 */

/**
 * The Levenshtein distance between `a` and `b`, computed in the diagonal band of width `max`
 * (Ukkonen); any distance above `max` comes back as `max + 1`. O(max · a.length).
 */
export function editDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    current.fill(over);
    current[0] = Math.min(i, over);
    let best = current[0];
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(over, previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1);
      if (current[j] < best) best = current[j];
    }
    if (best >= over) return over;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The least Levenshtein distance between `pattern` and a prefix of `text` (the alignment is
 * pinned at the start of both, free at the end of `text`); above `max` comes back as `max + 1`.
 * Context is scored with it: a suffix must begin right at a span's end (and a reversed prefix at
 * its start), wherever an edit inside the context shifted its far end. O(pattern.length · text.length).
 */
export function pinnedDistance(pattern: string, text: string, max: number): number {
  const over = max + 1;
  let previous = new Array<number>(text.length + 1);
  let current = new Array<number>(text.length + 1);
  for (let j = 0; j <= text.length; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= pattern.length; i++) {
    current[0] = Math.min(i, over);
    for (let j = 1; j <= text.length; j++) {
      const cost = pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(over, previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

/** `text` with its UTF-16 code units in reverse order (for pinning an alignment at the end). */
export function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}
