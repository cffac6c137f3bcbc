import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../app/core/annotation.js';
import { labelOf } from '../../../app/core/labels.js';
import { useLabels } from './labels/labels-context.js';
import { moveInMenu } from './menu-keys.js';
import { shownQuote } from './quote-text.js';

/**
 * Where overlapping highlights were clicked: a menu offering each of them. It takes focus (its
 * first item), so the arrow keys move in it rather than the reader's caret; Esc closes it and
 * gives focus back to where it was (the reader).
 */
export function OverlapMenu(props: { annotations: Annotation[]; x: number; y: number; onChoose(id: string): void; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const labels = useLabels();
  useEffect(() => {
    ref.current?.style.setProperty('left', `${props.x}px`);
    ref.current?.style.setProperty('top', `${props.y + 12}px`);
  }, [props.x, props.y]);
  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    if (document.activeElement instanceof HTMLElement && !menu.contains(document.activeElement)) opener.current = document.activeElement;
    menu.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  const close = () => {
    props.onClose();
    if (opener.current?.isConnected) opener.current.focus();
  };
  return (
    <div ref={ref} className="overlap-menu" role="menu" aria-label="Annotations here" onKeyDown={(e) => (e.key === 'Escape' ? close() : moveInMenu(e, ref.current))}>
      {props.annotations.map((a) => (
        <button key={a.id} type="button" role="menuitem" onClick={() => props.onChoose(a.id)}>
          <span className={`badge hl hl-${a.type}`}>{labelOf(labels, a.type).name}</span> <span dir="auto">{shownQuote(a.target.quote.exact)}</span>
        </button>
      ))}
    </div>
  );
}
