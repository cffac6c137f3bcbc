import { useEffect, useRef } from 'react';
import { Dialog } from './Dialog.js';
import { keyList } from './keys.js';
import { useLabels } from './labels/labels-context.js';

/** The `?` overlay: a dialog listing every key; Esc, `?` again, its button or a click beside it closes it. */
export function KeysOverlay({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  const labels = useLabels();
  useEffect(() => close.current?.focus(), []);
  return (
    <Dialog labelledBy="keys-title" className="keys-dialog" onEscape={onClose} closeKeys={['?']} onBackdropClick={onClose}>
      <h2 id="keys-title">Keyboard keys</h2>
      <table>
        <tbody>
          {keyList(labels).map(({ keys, action }) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button ref={close} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
