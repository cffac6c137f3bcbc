import { defaultRangeExtractor, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

/**
 * Where a key press moves focus in a list of `count` rows from row `index` (0-based), showing
 * `page` rows at a time: ArrowUp/ArrowDown by one, PageUp/PageDown by a page, Home/End to the
 * first/last row, never past either end (WAI-ARIA APG, listbox keyboard interaction). Null for any
 * other key, or a key with a modifier.
 */
export function rowFocusTarget(key: string, modified: boolean, index: number, count: number, page: number): number | null {
  if (modified || count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + page);
    case 'PageUp':
      return clamp(index - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** What `useRowFocus` gives the list: see there. */
export interface RowFocus {
  /** The virtualiser's `rangeExtractor`: the rows in view and the focused row, so it is never unmounted (and focus never falls to <body>). */
  rangeExtractor(range: Range): number[];
  /** The row Tab stops at: the focused one, else the first rendered (`firstRendered`). */
  tabStop(firstRendered: number): number;
  /** A row took focus (Tab, a click). */
  onRowFocus(index: number): void;
  /** The list's keydown: moves focus to the row `rowFocusTarget` names, scrolled into view first. */
  onKeyDown(event: KeyboardEvent<HTMLElement>, virtualizer: Virtualizer<HTMLDivElement, Element>): void;
}

/**
 * Roving focus over a virtualised list (@tanstack/react-virtual) of `count` rows, each row's
 * focusable element marked `data-row-index`, inside `scroller`, rows `rowHeight` CSS pixels high:
 * one row is in the Tab order; the arrow keys, PageUp/PageDown and Home/End move focus between
 * rows. A row out of view is scrolled to first and focused once rendered. The focused row stays
 * rendered while the list scrolls away from it. `key` names the list's content: when it changes
 * (filtered, sorted), focus starts again from the first row.
 */
export function useRowFocus(count: number, scroller: RefObject<HTMLDivElement | null>, rowHeight: number, key: unknown): RowFocus {
  const [focused, setFocused] = useState(-1);
  const focusedNow = useRef(focused);
  focusedNow.current = focused < count ? focused : -1;
  // The row to focus once it is rendered.
  const pending = useRef<number | null>(null);
  useEffect(() => setFocused(-1), [key]);
  useEffect(() => {
    if (pending.current === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${pending.current}"]`);
    if (!row) return;
    pending.current = null;
    row.focus({ preventScroll: true });
  });
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focusedNow.current;
    if (keep < 0 || keep >= range.count || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, virtualizer: Virtualizer<HTMLDivElement, Element>) => {
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!from) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const to = rowFocusTarget(event.key, event.ctrlKey || event.metaKey || event.altKey || event.shiftKey, Number(from.dataset.rowIndex), count, page);
    if (to === null) return;
    event.preventDefault();
    focusedNow.current = to;
    pending.current = to;
    setFocused(to);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };
  return {
    rangeExtractor,
    tabStop: (firstRendered) => (focusedNow.current >= 0 ? focusedNow.current : firstRendered),
    onRowFocus: (index) => {
      focusedNow.current = index;
      if (index !== focused) setFocused(index);
    },
    onKeyDown,
  };
}
