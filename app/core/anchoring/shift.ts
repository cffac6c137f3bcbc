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
    // The last placed start at or before `old` (binary search), else the first.
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid].from <= old) lo = mid;
      else hi = mid - 1;
    }
    return sorted[lo].to - sorted[lo].from;
  };
}
