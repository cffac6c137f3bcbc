import type { ExportFormat } from '../../../app/core/formats/interchange.js';
import type { AttestApi, IpcResult } from '../../../app/core/ipc.js';
import type { LibraryEntry, LibraryListing } from '../../../app/core/library-schemas.js';
import { ExternalStore } from './external-store.js';

/** How the library's articles are ordered: newest first by publication date, or by title. */
export type LibrarySort = 'date' | 'title';

/** What the library view shows, outside React: components subscribe with `useSyncExternalStore`. */
export interface LibraryState {
  /** The library as main last listed it; null before the first answer. */
  listing: LibraryListing | null;
  /** The title filter as typed. */
  query: string;
  sort: LibrarySort;
  error: string | null;
  /** Article ids the analyst ticked for export. */
  selected: ReadonlySet<string>;
  /** What the last export of the selection wrote. */
  exported: string | null;
}

/** Milliseconds since the epoch of an entry's publication time, or null when it has none that parses. */
function timeOf(entry: LibraryEntry): number | null {
  if (!entry.publishedTime) return null;
  const time = Date.parse(entry.publishedTime);
  return Number.isNaN(time) ? null : time;
}

/**
 * `text` for searching: compatibility-decomposed (Unicode NFKD), combining marks removed and
 * lower-cased, so case and diacritics do not count (`Café` and `cafe`, `Zürich` and `ZURICH`).
 */
const searchForm = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The entries to show: those whose title contains `query` (ignoring case and diacritics both ways,
 * `searchForm`; white space at its ends ignored), ordered by `sort`: `date` newest first with undated ones last, `title`
 * alphabetically (`localeCompare`, accents and case as the locale orders them, numbers by value:
 * "Article 2" before "Article 10"); ties by path.
 */
export function visibleEntries(entries: readonly LibraryEntry[], query: string, sort: LibrarySort): LibraryEntry[] {
  const needle = searchForm(query.trim());
  const shown = needle ? entries.filter((e) => searchForm(e.title).includes(needle)) : [...entries];
  const byTitle = (a: LibraryEntry, b: LibraryEntry) => a.title.localeCompare(b.title, undefined, { numeric: true }) || a.path.localeCompare(b.path, undefined, { numeric: true });
  if (sort === 'title') return shown.sort(byTitle);
  return shown.sort((a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    if (ta !== tb) return ta === null ? 1 : tb === null ? -1 : tb - ta;
    return byTitle(a, b);
  });
}

/**
 * The renderer's view of the library. It asks main for the listing (`library:list`) when a view
 * starts watching and whenever main says the library changed (`onLibraryChanged`), so files
 * added, changed or removed under a root, and annotation counts, show without a restart.
 */
export class LibraryStore extends ExternalStore<LibraryState> {
  constructor(private readonly api: AttestApi) {
    super({ listing: null, query: '', sort: 'date', error: null, selected: new Set(), exported: null });
  }

  /** Lists the library now and again at every change main tells of; returns the function that stops. */
  watch(): () => void {
    void this.refresh();
    return this.api.onLibraryChanged(() => void this.refresh());
  }

  /** Asks main for the listing. */
  async refresh(): Promise<void> {
    const result = await this.api.invoke('library:list', {});
    if (!result.ok) return this.set({ error: result.error.message });
    // Answers may cross: keep the newest revision.
    if (this.state.listing && result.value.revision < this.state.listing.revision) return;
    this.set({ listing: result.value, error: null });
  }

  /** "Add folder…": main asks for a folder with the native dialog and lists it. */
  async addRoot(): Promise<void> {
    this.apply(await this.api.invoke('library:add-root', {}));
  }

  /** Forgets a root (its files stay on disk). */
  async removeRoot(path: string): Promise<void> {
    this.apply(await this.api.invoke('library:remove-root', { path }));
  }

  /** Ticks or unticks an article for export. */
  toggleSelected(articleId: string): void {
    const selected = new Set(this.state.selected);
    if (selected.has(articleId)) selected.delete(articleId);
    else selected.add(articleId);
    this.set({ selected, exported: null });
  }

  /** Exports the ticked articles in `format` where the analyst chooses (main's save dialog). */
  async exportSelected(format: ExportFormat): Promise<void> {
    const articleIds = [...this.state.selected];
    if (articleIds.length === 0) return;
    const result = await this.api.invoke('library:export', { articleIds, format });
    if (!result.ok) return this.set({ error: result.error.message });
    if (result.value) this.set({ exported: `Exported ${result.value.articles} article${result.value.articles === 1 ? '' : 's'} to ${result.value.path}`, error: null });
  }

  /** Sets the title filter. */
  setQuery(query: string): void {
    this.set({ query });
  }

  /** Sets the order. */
  setSort(sort: LibrarySort): void {
    this.set({ sort });
  }

  private apply(result: IpcResult<LibraryListing | null>): void {
    if (!result.ok) return this.set({ error: result.error.message });
    if (result.value) this.set({ listing: result.value, error: null });
  }
}
