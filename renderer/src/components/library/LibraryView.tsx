import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../app/core/formats/interchange.js';
import { visibleEntries, type LibrarySort, type LibraryStore } from '../../state/library-store.js';
import { FORMAT_NAMES } from '../InterchangeBar.js';
import { LibrarySidebar } from './LibrarySidebar.js';
import { LibraryTable } from './LibraryTable.js';
import './library.css';

/**
 * The library view: folders and recent files beside a table of every article under the folders,
 * filtered by title and sorted by date or title. It lists the library while shown and follows
 * main's change notifications, so files appearing on disk show up live.
 */
export function LibraryView({ library, onOpen, onClose }: { library: LibraryStore; onOpen(path: string): void; onClose(): void }) {
  const state = useSyncExternalStore(library.subscribe, library.getSnapshot);
  useEffect(() => library.watch(), [library]);
  const entries = useMemo(() => visibleEntries(state.listing?.entries ?? [], state.query, state.sort), [state.listing, state.query, state.sort]);
  const total = state.listing?.entries.length ?? 0;
  const [format, setFormat] = useState<ExportFormat>('json');
  return (
    <section className="library" aria-label="Library">
      <LibrarySidebar
        roots={state.listing?.roots ?? []}
        recent={state.listing?.recent ?? []}
        onAddRoot={() => void library.addRoot()}
        onRemoveRoot={(path) => void library.removeRoot(path)}
        onOpen={onOpen}
      />
      <div className="library-main">
        <div className="library-controls">
          <h2>
            Library <span className="count">{entries.length === total ? total : `${entries.length} of ${total}`}</span>
          </h2>
          <input type="search" aria-label="Search titles" placeholder="Search titles" value={state.query} onChange={(e) => library.setQuery(e.target.value)} />
          <label>
            Sort by{' '}
            <select aria-label="Sort by" value={state.sort} onChange={(e) => library.setSort(e.target.value as LibrarySort)}>
              <option value="date">Date (newest first)</option>
              <option value="title">Title</option>
            </select>
          </label>
          <button type="button" onClick={onClose}>
            Back to reader
          </button>
        </div>
        <div className="library-controls" role="group" aria-label="Export selected articles">
          <label>
            Format{' '}
            <select aria-label="Export format of the selection" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_NAMES[f]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={state.selected.size === 0} onClick={() => void library.exportSelected(format)}>
            Export selected ({state.selected.size})…
          </button>
          {state.exported && <span role="status">{state.exported}</span>}
        </div>
        {state.error && (
          <p className="library-error" role="alert">
            {state.error}
          </p>
        )}
        {total === 0 && state.listing ? <p className="empty">Add a folder of articles to see them here.</p> : <LibraryTable entries={entries} onOpen={onOpen} selected={state.selected} onToggle={(id) => library.toggleSelected(id)} />}
      </div>
    </section>
  );
}
