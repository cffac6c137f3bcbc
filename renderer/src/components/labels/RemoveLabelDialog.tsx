import { useEffect, useRef, useState } from 'react';
import type { Label } from '../../../../app/core/labels.js';
import type { LabelStore } from '../../state/label-store.js';
import { Dialog } from '../Dialog.js';

/**
 * Asks before a label is removed: how many annotations use it in how many articles (main
 * counts them), and whether to change them to another label or delete them. Nothing is removed
 * until the analyst answers; Cancel or Esc keeps everything.
 */
export function RemoveLabelDialog({ label, labels, store, onDone }: { label: Label; labels: readonly Label[]; store: LabelStore; onDone(): void }) {
  const [usage, setUsage] = useState<{ annotations: number; articles: number } | null>(null);
  const others = labels.filter((l) => l.id !== label.id);
  const [action, setAction] = useState<'retype' | 'delete'>('retype');
  const [to, setTo] = useState(others[0]?.id ?? '');
  const first = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    void store.usage(label.id).then((u) => live && setUsage(u));
    first.current?.focus();
    return () => {
      live = false;
    };
  }, [label.id, store]);
  const remove = async () => {
    const done = await store.remove(label.id, usage && usage.annotations > 0 ? (action === 'retype' ? { action, to } : { action }) : undefined);
    if (done) onDone();
  };
  const used = usage !== null && usage.annotations > 0;
  return (
    <Dialog role="alertdialog" labelledBy="remove-label-title" onEscape={onDone}>
      <h2 id="remove-label-title" tabIndex={-1} ref={first}>
        Remove the label {label.name}?
      </h2>
      {usage === null ? (
        <p>Counting the annotations that use it…</p>
      ) : used ? (
        <fieldset className="remove-label-choice">
          <legend>
            {usage.annotations === 1 ? '1 annotation' : `${usage.annotations} annotations`} in {usage.articles === 1 ? '1 article' : `${usage.articles} articles`} {usage.annotations === 1 ? 'uses it. What should happen to it?' : 'use it. What should happen to them?'}
          </legend>
          <label>
            <input type="radio" name="remove-label-action" checked={action === 'retype'} onChange={() => setAction('retype')} /> Change them to
          </label>{' '}
          <select aria-label="Change them to" value={to} onChange={(e) => (setTo(e.target.value), setAction('retype'))}>
            {others.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <label>
            <input type="radio" name="remove-label-action" checked={action === 'delete'} onChange={() => setAction('delete')} /> Delete them
          </label>
          <p className="muted">One on a span that has that label already is merged into it, its note added. This cannot be undone.</p>
        </fieldset>
      ) : (
        <p>No annotation uses it.</p>
      )}
      <div className="dialog-buttons">
        <button type="button" disabled={usage === null} onClick={() => void remove()}>
          Remove label
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
