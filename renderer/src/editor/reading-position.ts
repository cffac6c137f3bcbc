import type { EditorView } from 'prosemirror-view';
import type { TextProjection } from './projection.js';

/** The nearest ancestor of `el` that scrolls vertically (overflow-y auto or scroll), or null (the window scrolls). */
function scroller(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

/**
 * Where the analyst is reading in `view`, as an offset of the canonical text (UTF-16 code units,
 * through `projection`): the caret (the DOM selection's focus) when it is in the reader, else the
 * text at the top of the part of the reader in view. ProseMirror's `posAtDOM` and `posAtCoords`
 * find the document position; 0 when neither finds one.
 */
export function readingOffset(view: EditorView, projection: TextProjection): number {
  const live = view.dom.ownerDocument.getSelection();
  if (live?.focusNode && view.dom.contains(live.focusNode)) {
    try {
      return projection.toOffset(view.posAtDOM(live.focusNode, live.focusOffset));
    } catch {
      // A DOM point ProseMirror does not map (outside its content): the view's top then.
    }
  }
  const box = view.dom.getBoundingClientRect();
  const top = Math.max(box.top, scroller(view.dom)?.getBoundingClientRect().top ?? 0);
  const found = view.posAtCoords({ left: box.left + box.width / 2, top: Math.min(top + 1, box.bottom - 1) });
  return found ? projection.toOffset(found.pos) : 0;
}
