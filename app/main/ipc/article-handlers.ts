import type { EncodingChoice } from '../../core/encodings.js';
import type { OpenedArticle } from '../../core/ipc.js';
import { importArticle, readArticleFile, sha256 } from '../importers/index.js';
import type { ArticleRepository } from '../library/article-repository.js';
import { requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';

/**
 * Opens the article file at `path` through the one import path: a file whose bytes were opened
 * before comes back from the store without extraction; new bytes are imported (in the encoding
 * the analyst chose for them, if any), and a text seen before (same canonical-text hash, e.g. a
 * renamed copy) keeps its annotations.
 */
export async function openArticle(repository: ArticleRepository, path: string): Promise<OpenedArticle> {
  const file = await readArticleFile(path);
  const fileSha256 = sha256(file.bytes);
  const known = repository.articleIdForFile(fileSha256);
  const stored = known ? repository.get(known) : null;
  const article = stored
    ? { ...stored.article, source: { ...stored.article.source, path: file.path } }
    : await importArticle(file, { encoding: repository.encodings.get(fileSha256) });
  const record = repository.put(article);
  return { article: record.article, annotations: record.annotations };
}

/**
 * Reads the file `articleId` was opened from again, decoded as `encoding`, and remembers that
 * choice for the file's bytes. The result is the article of that text (a new one when the text
 * differs, with its own annotations). Throws `HandlerError('not-found')` for an unknown article,
 * `ImportError` when the file can no longer be read.
 */
export async function reopenWithEncoding(repository: ArticleRepository, articleId: string, encoding: EncodingChoice): Promise<OpenedArticle> {
  const file = await readArticleFile(requireRecord(repository, articleId).article.source.path);
  const article = await importArticle(file, { encoding });
  repository.encodings.set(article.source.sha256, encoding);
  const record = repository.put(article);
  return { article: record.article, annotations: record.annotations };
}

/** Opening articles: at start, from the open dialog, from a dropped file, in another encoding. */
export function articleHandlers({
  repository,
  dialogs,
  initialPath,
}: HandlerDeps): HandlerGroup<'session:initial' | 'article:choose' | 'article:open-dropped' | 'article:reopen-with-encoding'> {
  return {
    'session:initial': async () => (initialPath ? openArticle(repository, initialPath) : null),
    'article:choose': async () => {
      const path = await dialogs.chooseArticle();
      return path ? openArticle(repository, path) : null;
    },
    'article:open-dropped': async ({ path }) => openArticle(repository, path),
    'article:reopen-with-encoding': async ({ articleId, encoding }) => reopenWithEncoding(repository, articleId, encoding),
  };
}
