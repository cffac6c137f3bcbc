import type { AnnotationType } from '../../../app/core/annotation.js';
import { FontSizeControl } from './FontSizeControl.js';

/** Names and keys of the built-in annotation types, as the toolbar shows them. */
export const TYPE_LABELS: Readonly<Record<AnnotationType, { name: string; key: string }>> = {
  claim: { name: 'Claim', key: 'C' },
  quote: { name: 'Quote', key: 'Q' },
  source: { name: 'Source', key: 'S' },
};

/** The toolbar: the library, open, tag the selection (buttons keep the reader's selection), export. */
export function Toolbar(props: { hasArticle: boolean; libraryShown: boolean; onLibrary(): void; onOpen(): void; onTag(type: AnnotationType): void; onExport(): void }) {
  const keep = (event: React.MouseEvent) => event.preventDefault();
  return (
    <header className="toolbar" role="toolbar" aria-label="Attest">
      <button type="button" onClick={props.onLibrary} aria-pressed={props.libraryShown} title={props.libraryShown ? 'Back to the reader' : 'Show the library'}>
        Library
      </button>
      <button type="button" onClick={props.onOpen} title="Open an article (Ctrl+O)">
        Open…
      </button>
      <span className="toolbar-group" role="group" aria-label="Tag the selection">
        {(Object.keys(TYPE_LABELS) as AnnotationType[]).map((type) => (
          <button
            key={type}
            type="button"
            className={`tag-button tag-${type}`}
            disabled={!props.hasArticle}
            onMouseDown={keep}
            onClick={() => props.onTag(type)}
            title={`Tag the selection as ${TYPE_LABELS[type].name} (${TYPE_LABELS[type].key})`}
            aria-keyshortcuts={TYPE_LABELS[type].key}
          >
            <span className={`swatch hl hl-${type}`} aria-hidden="true">
              {TYPE_LABELS[type].key}
            </span>
            {TYPE_LABELS[type].name}
          </button>
        ))}
      </span>
      <button type="button" onClick={props.onExport} disabled={!props.hasArticle} title="Export annotated JSON (Ctrl+E)">
        Export
      </button>
      <FontSizeControl />
    </header>
  );
}
