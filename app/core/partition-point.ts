/**
 * The first index in [0, count) where the monotone predicate `past` holds (false before it, true
 * from it on), or `count` when it never does: a binary search, O(log count) calls of `past`. For
 * sorted values: `partitionPoint(values.length, (i) => values[i] >= x)` counts those below `x`.
 */
export function partitionPoint(count: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
