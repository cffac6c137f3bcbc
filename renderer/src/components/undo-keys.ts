/**
 * Which annotation history command a key press asks for: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and
 * Ctrl+Y redo; null for any other key. Reads `code` too, so the keys work on non-Latin layouts.
 */
export function isUndoKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z' || event.code === 'KeyZ') return event.shiftKey ? 'redo' : 'undo';
  if ((key === 'y' || event.code === 'KeyY') && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}
