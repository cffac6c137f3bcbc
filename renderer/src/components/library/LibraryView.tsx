import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { visibleEntries, type LibrarySort, type LibraryStore } from '../../state/library-store.js';
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
        {state.error && (
          <p className="library-error" role="alert">
            {state.error}
          </p>
        )}
        {total === 0 && state.listing ? <p className="empty">Add a folder of articles to see them here.</p> : <LibraryTable entries={entries} onOpen={onOpen} />}
      </div>
    </section>
  );
}
