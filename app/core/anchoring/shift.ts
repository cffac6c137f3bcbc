import { partitionPoint } from '../partition-point.js';

/** Where one placed span began in the old text (`from`) and begins in the new one (`to`), UTF-16 offsets. */
export interface PlacedStart {
  from: number;
  to: number;
}

/**
 * Spans already placed exactly in the new text, by old start, for estimating how far the text
 * around an old offset has moved (`shift`); more can be added as they are placed.
 */
export class PlacedStarts {
  private readonly sorted: PlacedStart[];

  constructor(placed: readonly PlacedStart[] = []) {
    this.sorted = [...placed].sort((a, b) => a.from - b.from);
  }

  /** Adds a placed span (O(n) at worst, for the few placed after the first pass). */
  add(placed: PlacedStart): void {
    this.sorted.splice(partitionPoint(this.sorted.length, (i) => this.sorted[i].from > placed.from), 0, placed);
  }

  /**
   * The shift (`to - from`, in UTF-16 code units) of the placed span whose old start is the
   * nearest at or before `old`, else of the first one after it; with `side` 'after', of the first
   * placed span whose old start is after `old`, else of the last one at or before it (where a
   * span at the start of a paragraph that moved is, its next neighbour knows, not its previous
   * one); 0 when none was placed. Edits between that neighbour and the offset are not seen, so the
   * estimate is a place to search first, never an answer. O(log n).
   */
  shift(old: number, side: 'before' | 'after' = 'before'): number {
    const sorted = this.sorted;
    if (sorted.length === 0) return 0;
    // The first placed start after `old`; the one before it is the last at or before `old`.
    const next = partitionPoint(sorted.length, (i) => sorted[i].from > old);
    const at = side === 'after' ? (next < sorted.length ? next : next - 1) : Math.max(0, next - 1);
    return sorted[at].to - sorted[at].from;
  }
}
