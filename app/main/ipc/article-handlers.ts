import type { OpenedArticle } from '../../core/ipc.js';
import { importArticle, readArticleFile, sha256 } from '../importers/index.js';
import type { ArticleRepository } from '../library/article-repository.js';
import type { HandlerDeps, HandlerGroup } from './context.js';

/**
 * Opens the article file at `path` through the one import path: a file whose bytes were opened
 * before comes back from the store without extraction; new bytes are imported, and a text seen
 * before (same canonical-text hash, e.g. a renamed copy) keeps its annotations.
 */
export async function openArticle(repository: ArticleRepository, path: string): Promise<OpenedArticle> {
  const file = await readArticleFile(path);
  const known = repository.articleIdForFile(sha256(file.bytes));
  const stored = known ? repository.get(known) : null;
  const article = stored ? { ...stored.article, source: { ...stored.article.source, path: file.path } } : await importArticle(file);
  const record = repository.put(article);
  return { article: record.article, annotations: record.annotations };
}

/** Opening articles: at start, from the open dialog, from a dropped file. */
export function articleHandlers({ repository, dialogs, initialPath }: HandlerDeps): HandlerGroup<'session:initial' | 'article:choose' | 'article:open-dropped'> {
  return {
    'session:initial': async () => (initialPath ? openArticle(repository, initialPath) : null),
    'article:choose': async () => {
      const path = await dialogs.chooseArticle();
      return path ? openArticle(repository, path) : null;
    },
    'article:open-dropped': async ({ path }) => openArticle(repository, path),
  };
}
