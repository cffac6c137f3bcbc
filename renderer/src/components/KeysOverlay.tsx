import { useEffect, useRef } from 'react';
import { keyList } from './keys.js';
import { useLabels } from './labels/labels-context.js';

/** The `?` overlay: a dialog listing every key; Esc or its button closes it. */
export function KeysOverlay({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  const labels = useLabels();
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog keys-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault();
            onClose();
          }
        }}
      >
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
      </div>
    </div>
  );
}
