import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe } from '../../core/anchoring/describe.js';
import type { Annotation } from '../../core/annotation.js';
import { toAnnotatedJson } from '../../core/formats/annotated-json.js';
import type { IpcChannel, IpcRequest, IpcResponse, OpenedArticle } from '../../core/ipc.js';
import { normalizeRange } from '../../core/text.js';
import { importArticle, readArticleFile, sha256 } from '../importers/index.js';
import type { ArticleRepository } from '../library/article-repository.js';

/** The native dialogs main needs, as a port: Electron's `dialog` in the app, answers in tests. */
export interface Dialogs {
  /** Asks for an article file to open; null when cancelled. */
  chooseArticle(): Promise<string | null>;
  /** Asks where to save an export, suggesting `defaultName`; null when cancelled. */
  chooseExportPath(defaultName: string): Promise<string | null>;
}

/** What the handlers work with. */
export interface HandlerDeps {
  repository: ArticleRepository;
  dialogs: Dialogs;
  /** The article to show at start: a path from the command line, or the bundled sample. */
  initialPath: string | null;
  generator: { name: string; version: string };
  /** The current time (ISO 8601); injectable for deterministic tests. */
  now?: () => string;
}

/** A handler error with an IPC error code. */
export class HandlerError extends Error {
  constructor(readonly code: 'not-found' | 'invalid-request', message: string) {
    super(message);
  }
}

/** The main-process handlers, one per channel; each takes a request already validated against the contract. */
export type Handlers = { [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>> };

/**
 * Opens the article file at `path` through the one import path: a file whose bytes were opened
 * before comes back from the store without extraction; new bytes are imported, and a text seen
 * before (same canonical-text hash, e.g. a renamed copy) keeps its annotations.
 */
export async function openArticle(repository: ArticleRepository, path: string): Promise<OpenedArticle> {
  const file = await readArticleFile(path);
  const known = repository.articleIdForFile(sha256(file.bytes));
  const stored = known ? repository.get(known) : null;
  const article = stored ? { ...stored.article, source: { ...stored.article.source, path: file.path } } : importArticle(file);
  const record = repository.put(article);
  return { article: record.article, annotations: record.annotations };
}

async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, data, { encoding: 'utf8', flush: true });
  await rename(temp, path);
}

function safeFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${cleaned || 'article'}.attest.json`;
}

/** Builds the handlers over `deps`. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { repository, dialogs } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const record = (articleId: string) => {
    const found = repository.get(articleId);
    if (!found) throw new HandlerError('not-found', `no article ${articleId} is open`);
    return found;
  };
  return {
    'session:initial': async () => (deps.initialPath ? openArticle(repository, deps.initialPath) : null),
    'article:choose': async () => {
      const path = await dialogs.chooseArticle();
      return path ? openArticle(repository, path) : null;
    },
    'article:open-dropped': async ({ path }) => openArticle(repository, path),
    'annotation:create': async ({ articleId, type, start, end }) => {
      const { article } = record(articleId);
      if (end > article.text.length) throw new HandlerError('invalid-request', `[${start}, ${end}) is beyond the text (length ${article.text.length})`);
      const range = normalizeRange(article.text, start, end);
      if (!range) throw new HandlerError('invalid-request', 'the selection holds only white space');
      // Tagging the same span with the same type twice gives back the annotation it already has.
      const same = record(articleId).annotations.find((a) => a.type === type && a.target.position.start === range.start && a.target.position.end === range.end);
      if (same) return same;
      const time = now();
      const annotation: Annotation = { id: randomUUID(), type, target: describe(article.text, range.start, range.end), note: '', created: time, modified: time };
      repository.addAnnotation(articleId, annotation);
      return annotation;
    },
    'annotation:delete': async ({ articleId, id }) => ({ deleted: (record(articleId), repository.deleteAnnotation(articleId, id)) }),
    'article:export': async ({ articleId }) => {
      const { article, annotations } = record(articleId);
      const path = await dialogs.chooseExportPath(safeFileName(article.title));
      if (!path) return null;
      const json = toAnnotatedJson(article, annotations, { generator: deps.generator, exported: now() });
      await writeFileAtomic(path, `${JSON.stringify(json, null, 2)}\n`);
      return { path };
    },
  };
}
