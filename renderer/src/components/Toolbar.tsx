import type { AnnotationType } from '../../../app/core/annotation.js';
import type { AttestApi } from '../../../app/core/ipc.js';
import { FontSizeControl } from './FontSizeControl.js';
import { useLabels } from './labels/labels-context.js';

/** The toolbar: the library, open, tag the selection with any label (buttons keep the reader's selection), the labels, export. */
export function Toolbar(props: { api: AttestApi; onError(message: string): void; hasArticle: boolean; libraryShown: boolean; onLibrary(): void; onOpen(): void; onTag(type: AnnotationType): void; onLabels(): void; onExport(): void }) {
  const keep = (event: React.MouseEvent) => event.preventDefault();
  const labels = useLabels();
  return (
    <header className="toolbar" role="toolbar" aria-label="Attest">
      <button type="button" onClick={props.onLibrary} aria-pressed={props.libraryShown} title={props.libraryShown ? 'Back to the reader' : 'Show the library'}>
        Library
      </button>
      <button type="button" onClick={props.onOpen} title="Open an article (Ctrl+O)">
        Open…
      </button>
      <span className="toolbar-group" role="group" aria-label="Tag the selection">
        {labels.map((label) => (
          <button
            key={label.id}
            type="button"
            className={`tag-button tag-${label.id}`}
            disabled={!props.hasArticle}
            onMouseDown={keep}
            onClick={() => props.onTag(label.id)}
            title={`Tag the selection as ${label.name}${label.key ? ` (${label.key.toUpperCase()})` : ''}`}
            aria-keyshortcuts={label.key ? label.key.toUpperCase() : undefined}
          >
            <span className={`swatch hl hl-${label.id}`} aria-hidden="true">
              {label.key.toUpperCase()}
            </span>
            {label.name}
          </button>
        ))}
      </span>
      <button type="button" onClick={props.onLabels} title="Add, rename or remove labels">
        Labels…
      </button>
      <button type="button" onClick={props.onExport} disabled={!props.hasArticle} title="Export annotated JSON (Ctrl+E)">
        Export
      </button>
      <FontSizeControl api={props.api} onError={props.onError} />
    </header>
  );
}
