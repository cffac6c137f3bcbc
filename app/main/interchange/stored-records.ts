import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord, ArticleRepository } from '../library/article-repository.js';

/**
 * Every article record of the repository's data directory, written first if pending (`articles/<article id>.json`), read
 * through the repository (validated; a damaged record throws its `StoreError`), ordered by title
 * then id. An empty list when the directory holds no articles.
 */
export function storedRecords(repository: ArticleRepository): ArticleRecord[] {
  // Articles stored since the last write are on disk only after a flush.
  repository.flush();
  let names: string[];
  try {
    names = readdirSync(join(repository.dataDir, 'articles'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records = names
    .map((n) => /^([0-9a-f]{64})\.json$/.exec(n)?.[1])
    .filter((id): id is string => id !== undefined)
    .map((id) => repository.get(id))
    .filter((r): r is ArticleRecord => r !== null);
  return records.sort((a, b) => a.article.title.localeCompare(b.article.title) || (a.article.id < b.article.id ? -1 : 1));
}

/**
 * Whether `record` is the current record of its file: false only when the index maps the path it
 * was opened from to another article (the file there changed since, and that record superseded
 * this one; `ArticleRepository.articleIdForPath`). A record with no path, or whose source is an
 * Attest export (`attest-json`: the file it travelled in, which the articles of a library export
 * share, not a file of its own), or whose path the index does not know, is current.
 */
export function isCurrentRecord(repository: ArticleRepository, record: ArticleRecord): boolean {
  const { path, format } = record.article.source;
  if (path === '' || format === 'attest-json') return true;
  const current = repository.articleIdForPath(path);
  return current === null || current === record.article.id;
}

/**
 * The records a whole-library export lists: `storedRecords` that are current (`isCurrentRecord`),
 * so each file appears once, with the text it now has. A superseded record (an earlier text of a
 * changed file) stays on disk as it was, the history, and is exported only when asked for by id.
 */
export function libraryRecords(repository: ArticleRepository): ArticleRecord[] {
  return storedRecords(repository).filter((record) => isCurrentRecord(repository, record));
}
