import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Label, LabelInput } from '../../../../app/core/labels.js';
import type { LabelStore } from '../../state/label-store.js';
import { Dialog } from '../Dialog.js';
import { RemoveLabelDialog } from './RemoveLabelDialog.js';
import './labels.css';

/** The fields of a label: name, colour (a colour picker) and key; `prefix` names them for screen readers. */
function LabelFields({ value, onChange, prefix }: { value: LabelInput; onChange(value: LabelInput): void; prefix: string }) {
  return (
    <>
      <input type="text" aria-label={`${prefix} name`} placeholder="Name" maxLength={40} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />
      <input type="color" aria-label={`${prefix} colour`} value={value.colour} onChange={(e) => onChange({ ...value, colour: e.target.value })} />
      <input
        type="text"
        className="label-key"
        aria-label={`${prefix} key`}
        maxLength={1}
        placeholder="key"
        value={value.key.toUpperCase()}
        onChange={(e) => onChange({ ...value, key: e.target.value.toLowerCase() })}
      />
    </>
  );
}

/** One custom label, editable in place: Save sends the change to main, Remove asks what to do with its annotations. */
function CustomLabelRow({ label, store, onRemove }: { label: Label; store: LabelStore; onRemove(label: Label): void }) {
  const [draft, setDraft] = useState<LabelInput>({ name: label.name, colour: label.colour, key: label.key });
  useEffect(() => setDraft({ name: label.name, colour: label.colour, key: label.key }), [label]);
  const changed = draft.name !== label.name || draft.colour !== label.colour || draft.key !== label.key;
  return (
    <li className="label-row" data-label-id={label.id}>
      <span className={`swatch hl hl-${label.id}`} aria-hidden="true">
        {label.key.toUpperCase()}
      </span>
      <LabelFields value={draft} onChange={setDraft} prefix={label.name} />
      <button type="button" disabled={!changed} onClick={() => void store.update(label.id, { name: draft.name.trim(), colour: draft.colour, key: draft.key })}>
        Save {label.name}
      </button>
      <button type="button" onClick={() => onRemove(label)}>
        Remove {label.name}
      </button>
    </li>
  );
}

const EMPTY: LabelInput = { name: '', colour: '#7b1fa2', key: '' };

/**
 * The labels dialog: the built-in labels (fixed), the analyst's own (name, colour, key: changed in
 * place, removed after asking what to do with their annotations), and a form adding one. Main
 * checks every change; its reason shows when it refuses one. Esc or Close closes it.
 */
export function LabelsDialog({ store, onClose }: { store: LabelStore; onClose(): void }) {
  const { labels, error } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [draft, setDraft] = useState<LabelInput>(EMPTY);
  const [removing, setRemoving] = useState<Label | null>(null);
  const first = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    first.current?.focus();
    return () => store.dismissError();
  }, [store]);
  const add = async () => {
    if (await store.add({ ...draft, name: draft.name.trim() })) setDraft(EMPTY);
  };
  return (
    <Dialog labelledBy="labels-title" className="labels-dialog" onEscape={onClose}>
      <h2 id="labels-title" tabIndex={-1} ref={first}>
        Labels
      </h2>
      <p className="labels-help">Labels apply to every article. A key tags the selection in the reader.</p>
      <ul className="label-list" aria-label="Built-in labels">
        {labels
          .filter((l) => l.builtIn)
          .map((l) => (
            <li key={l.id} className="label-row" data-label-id={l.id}>
              <span className={`swatch hl hl-${l.id}`} aria-hidden="true">
                {l.key.toUpperCase()}
              </span>
              <span>{l.name}</span>
              <span className="muted">built in</span>
            </li>
          ))}
      </ul>
      <ul className="label-list" aria-label="Your labels">
        {labels
          .filter((l) => !l.builtIn)
          .map((l) => (
            <CustomLabelRow key={l.id} label={l} store={store} onRemove={setRemoving} />
          ))}
      </ul>
      <form
        className="label-row label-add"
        aria-label="New label"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <LabelFields value={draft} onChange={setDraft} prefix="New label" />
        <button type="submit">Add label</button>
      </form>
      {error && (
        <p className="labels-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {removing && <RemoveLabelDialog label={removing} labels={labels} store={store} onDone={() => setRemoving(null)} />}
    </Dialog>
  );
}
