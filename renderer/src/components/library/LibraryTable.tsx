import { useMemo } from 'react';
import type { LibraryEntry } from '../../../../app/core/library-schemas.js';
import { pathsForSameTitles } from './same-titles.js';

/** A publication time as a short local date, or the text as given when it does not parse. */
function shortDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** An import error without the file name it starts with, when it does (the row names the file already). */
function cause(entry: LibraryEntry): string {
  const error = entry.error ?? '';
  return error.startsWith(`${entry.title}: `) ? error.slice(entry.title.length + 2) : error;
}

/**
 * The library's articles as a table: title (a button that opens the article), site, date and
 * the counts of claims, quotes and sources, with a box to tick it for export; rows that share a
 * title show their file's path in the folder too. A file that failed
 * to import shows its error instead, and cannot be opened or exported from here.
 */
export function LibraryTable({ entries, onOpen, selected, onToggle }: { entries: readonly LibraryEntry[]; onOpen(path: string): void; selected: ReadonlySet<string>; onToggle(articleId: string): void }) {
  // Rows that share a title also show their file, so copies can be told apart.
  const sameTitle = useMemo(() => pathsForSameTitles(entries), [entries]);
  return (
    <table className="library-table" aria-label="Articles">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Site</th>
          <th scope="col">Date</th>
          <th scope="col" className="num">Claims</th>
          <th scope="col" className="num">Quotes</th>
          <th scope="col" className="num">Sources</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.path} data-path={entry.path} className={entry.error ? 'library-row failed' : 'library-row'}>
            <th scope="row">
              {entry.error ? (
                <span className="library-error" title={entry.error}>
                  <span className="library-file">{entry.title}</span>
                  <span className="library-cause">{cause(entry)}</span>
                </span>
              ) : (
                <>
                  {entry.articleId && (
                    <input
                      type="checkbox"
                      className="library-select"
                      aria-label={`Select ${entry.title}`}
                      checked={selected.has(entry.articleId)}
                      onChange={() => onToggle(entry.articleId!)}
                    />
                  )}
                  <button type="button" className="library-open" title={entry.path} onClick={() => onOpen(entry.path)}>
                    {entry.title}
                  </button>
                  {sameTitle.has(entry.path) && <span className="library-path">{sameTitle.get(entry.path)}</span>}
                </>
              )}
            </th>
            <td>{entry.siteName ?? ''}</td>
            <td>{entry.publishedTime ? <time dateTime={entry.publishedTime}>{shortDate(entry.publishedTime)}</time> : ''}</td>
            {/* A file that failed has no article, hence no counts. */}
            <td className="num">{entry.error ? '' : entry.counts.claim}</td>
            <td className="num">{entry.error ? '' : entry.counts.quote}</td>
            <td className="num">{entry.error ? '' : entry.counts.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
