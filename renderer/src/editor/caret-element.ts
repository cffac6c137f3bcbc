import type { EditorView } from 'prosemirror-view';

/**
 * The DOM element holding the caret (the selection's head) in `view`, through ProseMirror's
 * `domAtPos`: a text node's parent, else the child at the offset (or the node itself); null when
 * it is not an element. For the annotations under the caret, as a keyboard context menu wants them.
 */
export function caretElement(view: EditorView): Element | null {
  // At an edge between two elements, the one after the caret (where N and P put it: an annotation's start).
  const { node, offset } = view.domAtPos(view.state.selection.head, 1);
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node.childNodes[offset] ?? node);
  return el instanceof Element ? el : null;
}
