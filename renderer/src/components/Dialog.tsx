import type { ReactNode } from 'react';

/**
 * A modal dialog over a dimmed backdrop: `role` `dialog`, or `alertdialog` for a question that
 * must be answered; named by the element `labelledBy`; Esc calls `onEscape` (and goes no further,
 * so an inner dialog closes before the one beneath it), and so does any key of `closeKeys`; a click
 * on the backdrop calls `onBackdropClick` when given (one inside the dialog does not).
 */
export function Dialog(props: { role?: 'dialog' | 'alertdialog'; labelledBy: string; className?: string; onEscape(): void; closeKeys?: readonly string[]; onBackdropClick?(): void; children: ReactNode }) {
  return (
    <div className="dialog-backdrop" onClick={props.onBackdropClick}>
      <div
        className={`dialog${props.className ? ` ${props.className}` : ''}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        onClick={props.onBackdropClick && ((event) => event.stopPropagation())}
        onKeyDown={(event) => {
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
