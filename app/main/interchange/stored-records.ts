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
