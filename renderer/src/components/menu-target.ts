/** What the reader's context menu acts on, and where it opens (viewport pixels). */
export interface MenuTarget {
  id: string | null;
  x: number;
  y: number;
}

/**
 * The annotation a context menu acts on and where it opens. From the pointer: the innermost
 * annotation under it (`ids[0]`), at `at`. From the keyboard (Menu key, Shift+F10; `ids` are the
 * annotations under the caret): the selected annotation (`selectedId`) when the caret is in it or
 * in no other, opened below its highlight when the caret is not in it (the caret may be out of
 * view); else the innermost one under the caret, at `at`.
 */
export function contextMenuTarget(ids: readonly string[], at: { x: number; y: number }, fromKeyboard: boolean, selectedId: string | null): MenuTarget {
  if (!fromKeyboard || !selectedId || (ids.length > 0 && !ids.includes(selectedId))) return { id: ids[0] ?? null, ...at };
  if (ids.includes(selectedId)) return { id: selectedId, ...at };
  const box = document.querySelector(`.ProseMirror [data-annotation-id="${CSS.escape(selectedId)}"]`)?.getBoundingClientRect();
  return { id: selectedId, ...(box ? { x: box.left, y: box.bottom } : at) };
}
