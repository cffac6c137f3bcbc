import type { ReactNode } from 'react';

/**
 * A modal dialog over a dimmed backdrop: `role` `dialog`, or `alertdialog` for a question that
 * must be answered; named by the element `labelledBy`; Esc calls `onEscape` (and goes no further,
 * so an inner dialog closes before the one beneath it).
 */
export function Dialog(props: { role?: 'dialog' | 'alertdialog'; labelledBy: string; className?: string; onEscape(): void; children: ReactNode }) {
  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog${props.className ? ` ${props.className}` : ''}`}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          props.onEscape();
        }}
      >
        {props.children}
      </div>
    </div>
  );
}
