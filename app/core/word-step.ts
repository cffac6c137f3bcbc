/**
 * Moving a span's boundaries by whole words, for adjusting an annotation without recreating it.
 * Words are `Intl.Segmenter` word segments that are word-like (letters or numbers, per Unicode
 * UAX #29), so punctuation and spaces are stepped over. Offsets are UTF-16 code units of the text.
 */

/** Which end of a span moves, and which way: `extend` grows the span, `shrink` makes it smaller. */
export type WordStep = { edge: 'start' | 'end'; move: 'extend' | 'shrink' };

/** How far around the span the text is segmented: a word longer than this is not stepped over. */
const WINDOW = 1000;

/** The word-like segments of `text` between `from` and `to` (clamped), as [start, end) offsets. */
function wordsBetween(text: string, from: number, to: number): [number, number][] {
  const lo = Math.max(0, from);
  const words: [number, number][] = [];
  for (const s of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text.slice(lo, Math.min(text.length, to)))) {
    if (s.isWordLike) words.push([lo + s.index, lo + s.index + s.segment.length]);
  }
  return words;
}

/**
 * The span [start, end) of `text` after one word `step`: extending the start takes in the word
 * before it, shrinking the start lets go of its first word (and what follows up to the next
 * word), and the same for the end. Returns null when there is no word to take in, or when
 * shrinking would leave no word.
 */
export function stepByWord(text: string, start: number, end: number, step: WordStep): { start: number; end: number } | null {
  const words = wordsBetween(text, start - WINDOW, end + WINDOW);
  if (step.edge === 'start' && step.move === 'extend') {
    const before = words.filter(([s]) => s < start).at(-1);
    return before ? { start: before[0], end } : null;
  }
  if (step.edge === 'end' && step.move === 'extend') {
    const after = words.find(([, e]) => e > end);
    return after ? { start, end: after[1] } : null;
  }
  const inside = words.filter(([s, e]) => s >= start && e <= end);
  if (inside.length < 2) return null;
  return step.edge === 'start' ? { start: inside[1][0], end } : { start, end: inside.at(-2)![1] };
}

/**
 * The end (`forward`) or start (backward) of the sentence around `offset` in `text`, per
 * `Intl.Segmenter` sentence segments (Unicode UAX #29), without the white space after a sentence.
 * At a sentence's edge already, moves to the next (or previous) sentence's edge.
 */
export function sentenceEdge(text: string, offset: number, forward: boolean): number {
  const lo = Math.max(0, offset - WINDOW);
  const segments = [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text.slice(lo, Math.min(text.length, offset + WINDOW)))];
  const edges = segments.map((s) => {
    const start = lo + s.index;
    return { start, end: start + s.segment.trimEnd().length };
  });
  if (forward) return edges.find((e) => e.end > offset)?.end ?? offset;
  return edges.filter((e) => e.start < offset).at(-1)?.start ?? offset;
}
