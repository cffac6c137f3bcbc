/**
 * Marks `element` with `data-keyboard-focus` while it has focus that came by the keyboard (Tab,
 * Esc from the details, a key that moved focus there) rather than a pointer; what
 * `:focus-visible` does for controls, which Chromium matches on every focus of an editable element
 * (the reader is `contenteditable`). Returns the function that stops it.
 */
export function markKeyboardFocus(element: HTMLElement): () => void {
  const doc = element.ownerDocument;
  let byPointer = false;
  const pointer = () => {
    byPointer = true;
    element.removeAttribute('data-keyboard-focus');
  };
  const key = () => {
    byPointer = false;
  };
  const focus = () => {
    if (!byPointer) element.setAttribute('data-keyboard-focus', '');
  };
  const blur = () => element.removeAttribute('data-keyboard-focus');
  doc.addEventListener('pointerdown', pointer, true);
  doc.addEventListener('keydown', key, true);
  element.addEventListener('focus', focus);
  element.addEventListener('blur', blur);
  return () => {
    doc.removeEventListener('pointerdown', pointer, true);
    doc.removeEventListener('keydown', key, true);
    element.removeEventListener('focus', focus);
    element.removeEventListener('blur', blur);
  };
}
