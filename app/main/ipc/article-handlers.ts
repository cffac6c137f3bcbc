import type { OpenedArticle } from '../../core/ipc.js';
import { importArticle, readArticleFile, sha256 } from '../importers/index.js';
import type { ArticleRepository } from '../library/article-repository.js';
import { carryInto, previousAtPath } from '../library/carry-over.js';
import type { HandlerDeps, HandlerGroup } from './context.js';

/**
 * Opens the article file at `path` through the one import path: a file whose bytes were opened
 * before comes back from the store without extraction; new bytes are imported, and a text seen
 * before (same canonical-text hash, e.g. a renamed copy) keeps its annotations. When the file at
 * this path held another text before (it changed), that article's annotations are re-anchored in
 * this one (moved, or kept as orphans); the earlier record stays as it was.
 */
export async function openArticle(repository: ArticleRepository, path: string): Promise<OpenedArticle> {
  const file = await readArticleFile(path);
  const known = repository.articleIdForFile(sha256(file.bytes));
  const stored = known ? repository.get(known) : null;
  const article = stored ? { ...stored.article, source: { ...stored.article.source, path: file.path } } : importArticle(file);
  const previous = previousAtPath(repository, file.path, article.id);
  const record = repository.put(article);
  if (previous) carryInto(repository, record, [...previous.annotations, ...previous.orphans]);
  return { article: record.article, annotations: record.annotations, orphans: record.orphans };
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
