import search from 'approx-string-match';

/**
 * The shortest piece worth looking for with `indexOf` when ruling out rivals: shorter pieces occur
 * everywhere in ordinary text, and then searching the whole text at once is cheaper.
 */
export const MIN_PIECE_LENGTH = 5;

/** Beyond this many places to check, the whole text is searched instead. */
const MAX_REGIONS = 64;

/**
 * Whether `pattern` may occur within `maxErrors` edits (Levenshtein, UTF-16 code units) in `text`
 * anywhere but wholly inside [from, to). By the pigeonhole principle, a match with at most k edits
 * keeps one of k + 1 disjoint pieces of `pattern` unedited, at most k code units from where it sits
 * in the pattern; so each piece is looked for verbatim (`indexOf`), and only around its
 * occurrences outside the window is an approximate search run (approx-string-match). `false` is
 * proof that there is no such match; `true` means there is one, or that proving otherwise would
 * cost more than a search of the whole text (pieces shorter than `MIN_PIECE_LENGTH`, or too many
 * occurrences). Pure.
 */
export function mayOccurOutside(text: string, pattern: string, maxErrors: number, from: number, to: number): boolean {
  const k = Math.max(0, Math.floor(maxErrors));
  const pieceLength = Math.floor(pattern.length / (k + 1));
  if (pattern === '' || pieceLength < MIN_PIECE_LENGTH) return true;
  const regions: [number, number][] = [];
  for (let p = 0; p <= k; p++) {
    const offset = p * pieceLength;
    const piece = pattern.slice(offset, p === k ? pattern.length : offset + pieceLength);
    for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
      // A match holding this piece unedited begins within k of i - offset and is at most k longer than the pattern.
      const lo = Math.max(0, i - offset - k);
      const hi = Math.min(text.length, i - offset + pattern.length + 2 * k);
      if (lo >= from && hi <= to) continue;
      if (regions.length >= MAX_REGIONS * 4) return true;
      regions.push([lo, hi]);
    }
  }
  regions.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of regions) {
    const last = merged.at(-1);
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  if (merged.length > MAX_REGIONS) return true;
  return merged.some(([lo, hi]) => search(text.slice(lo, hi), pattern, k).length > 0);
}
