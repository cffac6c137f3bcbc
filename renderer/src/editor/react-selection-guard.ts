/**
 * Keeps React from walking the reader's whole text at every commit. While focus is in an element
 * whose `contentEditable` property reads 'true', react-dom saves the selection as character
 * offsets before each commit by visiting every node of that element (to restore it should focus
 * move): O(text) per commit, about 7 ms at 400,000 characters here, on every render anywhere in
 * the window while the reader has focus. React renders nothing inside the reader and ProseMirror
 * keeps its own selection, so on `dom` (the reader's editing host) the property reads
 * 'plaintext-only' (still an editing host, never 'false') where it would read 'true'. The
 * attribute, which the browser and ProseMirror act on, stays `contenteditable="true"`.
 * React has no opt-out (facebook/react#1350).
 */
export function hideSelectionFromReact(dom: HTMLElement): void {
  const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable')!;
  Object.defineProperty(dom, 'contentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const value = native.get!.call(this) as string;
      return value === 'true' ? 'plaintext-only' : value;
    },
    set(this: HTMLElement, value: string) {
      native.set!.call(this, value);
    },
  });
}
