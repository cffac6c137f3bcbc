import type { Annotation } from '../../../app/core/annotation.js';
import type { Label } from '../../../app/core/labels.js';
import { partitionPoint } from '../../../app/core/partition-point.js';

/** Every key of the app, as the `?` overlay lists them (keys as shown, and what they do), with a tag key for each label that has one. */
export function keyList(labels: readonly Label[]): { keys: string; action: string }[] {
  const keyed = labels.filter((l) => l.key !== '');
  return [...SELECTION_KEYS, { keys: keyed.map((l) => l.key.toUpperCase()).join(' / '), action: `Tag the selection as ${keyed.map((l) => l.name).join(' / ')}` }, ...OTHER_KEYS];
}

/** The keys that make the selection, listed before the tag keys. */
const SELECTION_KEYS: readonly { keys: string; action: string }[] = [
  { keys: 'Shift+←/→', action: 'Extend the selection by a character' },
  { keys: 'Ctrl+Shift+←/→', action: 'Extend the selection by a word' },
  { keys: ') / (', action: 'Extend the selection to the end / start of the sentence' },
];

/** The other keys of the app, listed after the tag keys. */
const OTHER_KEYS: readonly { keys: string; action: string }[] = [
  { keys: 'N or ] / P or [', action: 'Next / previous annotation' },
  { keys: 'Ctrl+Home / Ctrl+End (Cmd+↑ / Cmd+↓)', action: 'Go to the start / end of the article' },
  { keys: 'Ctrl+F', action: 'Find in the article: Enter / Shift+Enter for the next / previous match, Esc selects it to tag' },
  { keys: 'Enter', action: "Open the annotation's details" },
  { keys: 'A', action: 'Attribute the annotation to a source' },
  { keys: 'Delete or Ctrl+Backspace', action: 'Delete the annotation' },
  { keys: 'Ctrl+Z', action: 'Undo the last annotation change' },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y', action: 'Redo' },
  { keys: 'Esc', action: 'Close a menu or dialog; from the details, back to the reader' },
  { keys: 'Ctrl+O / Ctrl+E', action: 'Open an article / export annotated JSON' },
  { keys: 'Menu or Shift+F10', action: 'The context menu: the same actions on the selection or the annotation' },
  { keys: '?', action: 'Show these keys' },
];

/** What a single key (no Ctrl, Cmd or Alt) asks for outside text boxes, or null. Reads `code` too, for non-Latin layouts. */
export function navigationKey(event: KeyboardEvent): 'next' | 'previous' | 'details' | 'attribute' | 'keys' | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === '?') return 'keys';
  if (event.key === 'Enter') return 'details';
  const letter = /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  if (event.key === ']' || letter === 'n') return 'next';
  if (event.key === '[' || letter === 'p') return 'previous';
  if (letter === 'a') return 'attribute';
  return null;
}

/**
 * A place in the canonical text that next and previous count from when no annotation is selected:
 * [start, end) in UTF-16 code units, ordered against annotations as `compareByPosition` orders
 * them (start, then the longer first). A caret at offset c is `{ start: c, end: Infinity }`: before
 * every annotation that starts at c.
 */
export interface ReadingPlace {
  start: number;
  end: number;
}

/**
 * The annotation after (`step` 1) or before (-1) `selectedId` in document order (`annotations`
 * sorted by `compareByPosition`), wrapping around. With none selected: the first annotation at or
 * after `from` (the last before it), wrapping around too; without `from`, the first (last) one.
 * Null when there are none.
 */
export function neighbour(annotations: readonly Annotation[], selectedId: string | null, step: 1 | -1, from: ReadingPlace | null = null): string | null {
  const n = annotations.length;
  if (n === 0) return null;
  const i = annotations.findIndex((a) => a.id === selectedId);
  if (i >= 0) return annotations[(i + step + n) % n].id;
  if (!from) return annotations[step === 1 ? 0 : n - 1].id;
  const at = partitionPoint(n, (k) => {
    const { start, end } = annotations[k].target.position;
    return (start - from.start || from.end - end) >= 0;
  });
  return annotations[step === 1 ? at % n : (at - 1 + n) % n].id;
}
