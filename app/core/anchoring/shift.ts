import { partitionPoint } from '../partition-point.js';

/** Where one placed span began in the old text (`from`) and begins in the new one (`to`), UTF-16 offsets. */
export interface PlacedStart {
  from: number;
  to: number;
}

/**
 * Estimates how far the text around an old offset has moved, from spans already placed exactly
 * in the new text: the shift (`to - from`, in UTF-16 code units) of the placed span whose old
 * start is the nearest at or before the offset, else of the first one after it; 0 when none was
 * placed. Edits between that neighbour and the offset are not seen, so the estimate is a place to
 * search first, never an answer. Pure; O(n log n) once, O(log n) per offset.
 */
export function shiftEstimate(placed: readonly PlacedStart[]): (old: number) => number {
  const sorted = [...placed].sort((a, b) => a.from - b.from);
  return (old) => {
    if (sorted.length === 0) return 0;
    // The last placed start at or before `old`, else the first.
    const at = Math.max(0, partitionPoint(sorted.length, (i) => sorted[i].from > old) - 1);
    return sorted[at].to - sorted[at].from;
  };
}
