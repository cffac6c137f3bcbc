import type { IpcResponse } from '../../../app/core/ipc.js';

/** Main's answer to an undo or a redo (`annotation:undo` / `annotation:redo`). */
type StepAnswer = IpcResponse<'annotation:undo'>;

/**
 * What an undo or redo shows: the annotation to select (the one the step was about, when it is
 * among the article's annotations after it; null when the step took it away or left it an
 * orphan) and the status message that says what was undone or redone, e.g. "Undone: Delete
 * annotation." The labels are main's history labels (`AnnotationHistories`).
 */
export function describeStep(direction: 'undo' | 'redo', { applied, subject, annotations, orphans }: StepAnswer): { selectedId: string | null; message: string } {
  if (applied === null) return { selectedId: null, message: direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' };
  const done = `${direction === 'undo' ? 'Undone' : 'Redone'}: ${applied}`;
  if (subject !== null && annotations.some((a) => a.id === subject)) return { selectedId: subject, message: `${done}.` };
  if (subject !== null && orphans.some((a) => a.id === subject)) return { selectedId: null, message: `${done}. The annotation is listed under Orphans: its text is no longer in the article.` };
  return { selectedId: null, message: `${done}. The annotation is removed; nothing is selected.` };
}
