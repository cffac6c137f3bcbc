import { Plugin } from 'prosemirror-state';

/**
 * Keeps the reader read-only while it stays focusable with a caret, so text can be selected
 * with the mouse and the keyboard: every transaction that would change the doc is refused, and
 * input events that would edit (typing, cut, paste, dragging text) are cancelled before the
 * browser applies them.
 */
export function readOnlyPlugin(): Plugin {
  const cancel = (_view: unknown, event: Event) => {
    event.preventDefault();
    return true;
  };
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: { beforeinput: cancel, cut: cancel, paste: cancel, dragstart: cancel, drop: (_view, event) => { event.preventDefault(); return false; } },
    },
  });
}
