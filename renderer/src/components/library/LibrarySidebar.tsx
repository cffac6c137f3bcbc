import type { LibraryRoot, RecentFile } from '../../../../app/core/library-schemas.js';
import { lastSegment } from '../path-name.js';


/** The library's folders (roots) with "Add folder…" and a remove button each, and the recent files. */
export function LibrarySidebar(props: {
  roots: readonly LibraryRoot[];
  recent: readonly RecentFile[];
  onAddRoot(): void;
  onRemoveRoot(path: string): void;
  onOpen(path: string): void;
}) {
  return (
    <aside className="library-sidebar">
      <section aria-label="Folders">
        <h3>Folders</h3>
        {props.roots.length === 0 && <p className="empty">No folders yet.</p>}
        <ul className="library-roots">
          {props.roots.map((root) => (
            <li key={root.path} title={root.path}>
              <span className="library-root-name">{lastSegment(root.path)}</span>
              {root.error && <span className="library-error"> {root.error}</span>}
              <button type="button" className="library-remove" aria-label={`Remove folder ${root.path}`} onClick={() => props.onRemoveRoot(root.path)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={props.onAddRoot}>
          Add folder…
        </button>
      </section>
      <section aria-label="Recent">
        <h3>Recent</h3>
        {props.recent.length === 0 && <p className="empty">Nothing opened yet.</p>}
        <ul className="library-recent">
          {props.recent.map((file) => (
            <li key={file.path}>
              <button type="button" className="library-open" title={file.path} onClick={() => props.onOpen(file.path)}>
                {file.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
