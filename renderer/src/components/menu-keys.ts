import type { KeyboardEvent } from 'react';

/**
 * Moves focus among the `role="menuitem"` elements of `menu` for a key press, as WAI-ARIA's menu
 * pattern does: ArrowDown/ArrowUp to the next/previous item (wrapping around), Home/End to the
 * first/last. True when the key was one of those (its default is then prevented).
 */
export function moveInMenu(event: KeyboardEvent, menu: HTMLElement | null): boolean {
  const items = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  if (items.length === 0) return false;
  const i = items.indexOf(document.activeElement as HTMLElement);
  const to = { ArrowDown: (i + 1) % items.length, ArrowUp: (i + items.length - 1) % items.length, Home: 0, End: items.length - 1 }[event.key];
  if (to === undefined) return false;
  event.preventDefault();
  items[to].focus();
  return true;
}
