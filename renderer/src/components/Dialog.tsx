import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabbable } from 'tabbable';

/**
 * Makes everything outside `el` inert (HTML `inert`: not focusable, not clickable, hidden from
 * assistive technology): the siblings of `el` and of each of its ancestors up to `<body>`.
 * Returns a function that gives back exactly what it took, so dialogs can nest.
 */
function inertOutside(el: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  for (let at: HTMLElement | null = el; at && at !== at.ownerDocument.body; at = at.parentElement) {
    for (const sibling of at.parentElement?.children ?? []) {
      if (sibling !== at && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        made.push(sibling);
      }
    }
  }
  return () => {
    for (const sibling of made) sibling.inert = false;
  };
}

/** Tab from the dialog's last tabbable element goes to its first, Shift+Tab from the first to the last (`tabbable` finds them). */
function wrapTab(event: KeyboardEvent<HTMLElement>): void {
  // An inner dialog has wrapped it already.
  if (event.defaultPrevented) return;
  const order = tabbable(event.currentTarget);
  if (order.length === 0) return event.preventDefault();
  const [first, last] = [order[0], order[order.length - 1]];
  const active = document.activeElement;
  const to = event.shiftKey ? (active === first || active === event.currentTarget ? last : null) : active === last ? first : null;
  if (to) {
    event.preventDefault();
    to.focus();
  }
}

/**
 * A modal dialog over a dimmed backdrop: `role` `dialog`, or `alertdialog` for a question that
 * must be answered; named by the element `labelledBy`; Esc calls `onEscape` (and goes no further,
 * so an inner dialog closes before the one beneath it), and so does any key of `closeKeys`; a click
 * on the backdrop calls `onBackdropClick` when given (one inside the dialog does not). While it is
 * open the rest of the window is inert and Tab wraps around at its ends (ARIA APG modal dialog); the
 * dialog itself takes focus if its content does not. When it closes, focus goes back to where it
 * was, or, when that is gone, `onFocusGone` says where.
 */
export function Dialog(props: { role?: 'dialog' | 'alertdialog'; labelledBy: string; className?: string; onEscape(): void; closeKeys?: readonly string[]; onBackdropClick?(): void; onFocusGone?(): void; children: ReactNode }) {
  const backdrop = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const before = useRef<Element | null>(null);
  const onFocusGone = useRef(props.onFocusGone);
  onFocusGone.current = props.onFocusGone;
  useLayoutEffect(() => {
    before.current = document.activeElement;
    return inertOutside(backdrop.current!);
  }, []);
  // After the content's own effects (a first button focused): the dialog holds focus either way.
  useEffect(() => {
    if (!dialog.current!.contains(document.activeElement)) dialog.current!.focus();
    return () => {
      const was = before.current;
      if (was instanceof HTMLElement && was.isConnected && was !== document.body && !was.closest('[inert]')) was.focus();
      else onFocusGone.current?.();
    };
  }, []);
  return (
    <div ref={backdrop} className="dialog-backdrop" onClick={props.onBackdropClick}>
      <div
        ref={dialog}
        tabIndex={-1}
        className={`dialog${props.className ? ` ${props.className}` : ''}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        onClick={props.onBackdropClick && ((event) => event.stopPropagation())}
        onKeyDown={(event) => {
          if (event.key === 'Tab') return wrapTab(event);
          if (event.key !== 'Escape' && !props.closeKeys?.includes(event.key)) return;
          event.preventDefault();
          event.stopPropagation();
          props.onEscape();
        }}
      >
        {props.children}
      </div>
    </div>
  );
}
