import { useEffect, useRef } from 'react';
import { labelOf } from '../../../app/core/labels.js';
import type { AnnotationEdits, PendingQuestion } from '../state/annotation-edits.js';
import { Dialog } from './Dialog.js';
import { useLabels } from './labels/labels-context.js';

const attributedText = (n: number) => (n === 1 ? '1 annotation is attributed to it.' : `${n} annotations are attributed to it.`);

/**
 * Asks what happens to the annotations attributed to a source that is being deleted (keep them
 * unattributed, delete them too) or given another type (they lose their attribution); Cancel or
 * Esc changes nothing. The first button has focus; when the dialog closes, focus goes back to
 * where it was (the Type select, the Delete button: see `Dialog`), or to `fallback` when that is gone.
 */
export function SourceQuestionDialog({ pending, edits, fallback }: { pending: PendingQuestion; edits: AnnotationEdits; fallback(): void }) {
  const labels = useLabels();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [pending.kind, pending.id]);
  const cancel = (
    <button type="button" onClick={() => edits.cancelQuestion()}>
      Cancel
    </button>
  );
  if (pending.kind === 'retype') {
    const name = labelOf(labels, pending.type).name;
    return (
      <Dialog role="alertdialog" labelledBy="retype-source-title" onEscape={() => edits.cancelQuestion()} onFocusGone={fallback}>
        <h2 id="retype-source-title">Change this source to {name}?</h2>
        <p>
          {attributedText(pending.attributed)} Only a source can be attributed to, so {pending.attributed === 1 ? 'it' : 'they'} will be unattributed (Ctrl+Z undoes it).
        </p>
        <div className="dialog-buttons">
          <button ref={first} type="button" onClick={() => void edits.confirmRetype()}>
            Change to {name}
          </button>
          {cancel}
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog role="alertdialog" labelledBy="delete-source-title" onEscape={() => edits.cancelQuestion()} onFocusGone={fallback}>
      <h2 id="delete-source-title">Delete this source?</h2>
      <p>{attributedText(pending.attributed)}</p>
      <div className="dialog-buttons">
        <button ref={first} type="button" onClick={() => void edits.confirmDelete('detach')}>
          {pending.attributed === 1 ? 'Keep it, unattributed' : 'Keep them, unattributed'}
        </button>
        <button type="button" onClick={() => void edits.confirmDelete('delete-them')}>
          {pending.attributed === 1 ? 'Delete it too' : 'Delete them too'}
        </button>
        {cancel}
      </div>
    </Dialog>
  );
}
