import type { LibraryEntry } from '../../../../app/core/library-schemas.js';

/**
 * For the library's rows whose title another row has too (copies of one article, files named
 * alike), the file's path relative to its folder, to tell them apart; keyed by the entry's
 * absolute path, with the platform's separators. Rows with a title of their own are not in the map.
 */
export function pathsForSameTitles(entries: readonly LibraryEntry[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.title, (count.get(e.title) ?? 0) + 1);
  const shown = new Map<string, string>();
  for (const e of entries) {
    if ((count.get(e.title) ?? 0) < 2) continue;
    const inRoot = e.path.startsWith(e.root) ? e.path.slice(e.root.length).replace(/^[\\/]+/, '') : e.path;
    shown.set(e.path, inRoot);
  }
  return shown;
}
