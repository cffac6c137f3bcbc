import { describe as suite, expect, it } from 'vitest';
import { partitionPoint } from '../../app/core/partition-point.js';

suite('partitionPoint', () => {
  it('finds where a monotone predicate turns true, as a scan from the start does', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 20)).sort((a, b) => a - b);
      for (let x = -1; x <= 21; x++) {
        const scan = values.findIndex((v) => v >= x);
        expect(partitionPoint(values.length, (i) => values[i] >= x)).toBe(scan === -1 ? values.length : scan);
      }
    }
  });

  it('answers count when the predicate never holds, 0 when it always does, and asks nothing of an empty range', () => {
    expect(partitionPoint(5, () => false)).toBe(5);
    expect(partitionPoint(5, () => true)).toBe(0);
    expect(partitionPoint(0, () => {
      throw new Error('asked');
    })).toBe(0);
  });
});
