import { useEffect, useRef } from 'react';
import type { AnnotationType } from '../../../app/core/annotation.js';
import { useLabels } from './labels/labels-context.js';
import { moveInMenu } from './menu-keys.js';

/** What the reader's context menu offers: tags for a selection, and actions on the annotation under the pointer. */
export interface ContextMenuProps {
  x: number;
  y: number;
  /** Whether there is a selection to tag. */
  canTag: boolean;
  /** The annotation under the pointer (innermost), or null. */
  annotationId: string | null;
  canAttribute: boolean;
  onTag(type: AnnotationType): void;
  onDetails(): void;
  onAttribute(): void;
  onDelete(): void;
  onClose(): void;
}

/**
 * The reader's context menu (right click, the Menu key or Shift+F10): the same actions as the
 * keys and the toolbar. Arrow keys move between its items, Esc or a click elsewhere closes it; Esc
 * or an item gives the focus back to where it was when the menu opened (the reader), as WAI-ARIA's
 * menu pattern does, so the keys go on working there.
 */
export function ContextMenu(props: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const labels = useLabels();
  const { onClose } = props;
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    if (!menu.contains(document.activeElement) && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    menu.style.setProperty('left', `${Math.min(props.x, window.innerWidth - 260)}px`);
    menu.style.setProperty('top', `${Math.min(props.y, window.innerHeight - 200)}px`);
    menu.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [props.x, props.y, onClose]);
  const close = () => {
    onClose();
    if (opener.current?.isConnected) opener.current.focus();
  };
  const act = (action: () => void) => () => {
    close();
    action();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') close();
    else moveInMenu(event, ref.current);
  };
  return (
    // Pressing an item must not take the selection away from the reader before it is tagged.
    <div ref={ref} className="overlap-menu context-menu" role="menu" aria-label="Actions" onKeyDown={onKeyDown} onMouseDown={(event) => event.preventDefault()}>
      {props.canTag &&
        labels.map((label) => (
          <button key={label.id} type="button" role="menuitem" onClick={act(() => props.onTag(label.id))}>
            Tag as {label.name} {label.key && <kbd>{label.key.toUpperCase()}</kbd>}
          </button>
        ))}
      {props.annotationId && (
        <>
          <button type="button" role="menuitem" onClick={act(props.onDetails)}>
            Open details <kbd>Enter</kbd>
          </button>
          {props.canAttribute && (
            <button type="button" role="menuitem" onClick={act(props.onAttribute)}>
              Attribute to a source… <kbd>A</kbd>
            </button>
          )}
          <button type="button" role="menuitem" onClick={act(props.onDelete)}>
            Delete annotation <kbd>Delete</kbd>
          </button>
        </>
      )}
    </div>
  );
}
