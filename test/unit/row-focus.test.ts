import { describe, expect, it } from 'vitest';
import { rowFocusTarget } from '../../renderer/src/components/row-focus.js';

describe('rowFocusTarget', () => {
  it('moves by one, by a page and to either end, never past them', () => {
    const from = (key: string, index: number) => rowFocusTarget(key, false, index, 100, 10);
    expect([from('ArrowDown', 5), from('ArrowUp', 5), from('PageDown', 5), from('PageUp', 5), from('Home', 5), from('End', 5)]).toEqual([6, 4, 15, 0, 0, 99]);
    expect([from('ArrowDown', 99), from('PageDown', 95), from('ArrowUp', 0), from('PageUp', 3)]).toEqual([99, 99, 0, 0]);
  });

  it('leaves other keys, keys with a modifier and an empty list alone', () => {
    expect(rowFocusTarget('Enter', false, 5, 100, 10)).toBeNull();
    expect(rowFocusTarget('End', true, 5, 100, 10)).toBeNull();
    expect(rowFocusTarget('ArrowDown', false, 0, 0, 10)).toBeNull();
  });
});
