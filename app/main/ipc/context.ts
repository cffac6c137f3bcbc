import { basename } from 'node:path';
import type { ArticleSource } from '../../core/article.js';
import type { Label } from '../../core/labels.js';
import type { IpcChannel, IpcRequest, IpcResponse } from '../../core/ipc.js';
import type { ArticleRecord, ArticleRepository } from '../library/article-repository.js';
import type { Library } from '../library/library.js';

/** The native dialogs main needs, as a port: Electron's `dialog` in the app, answers in tests. */
export interface Dialogs {
  /** Asks for an article file to open; null when cancelled. */
  chooseArticle(): Promise<string | null>;
  /** Asks where to save an export, suggesting `defaultName`; null when cancelled. */
  chooseExportPath(defaultName: string): Promise<string | null>;
  /** Asks for a folder to add to the library; null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Asks for an annotations file to import (Attest JSON, W3C Web Annotation); null when cancelled. Absent: `chooseArticle` asks. */
  chooseImportFile?(): Promise<string | null>;
}

/** What the handlers work with. */
export interface HandlerDeps {
  repository: ArticleRepository;
  /** The library folders, their files and the recent files. */
  library: Library;
  dialogs: Dialogs;
  /** The article to show at start: a path from the command line, or the bundled sample. */
  initialPath: string | null;
  generator: { name: string; version: string };
  /** The current time (ISO 8601); injectable for deterministic tests. */
  now?: () => string;
}

/**
 * The renderer a request came from, as a port: its window in Electron (`event.sender`), absent
 * in browser mode, where the page is its own.
 */
export interface Caller {
  /** Reloads the caller's page from main (Electron's `webContents.reload`, which main starts, so no navigation is denied). */
  reload(): void;
}

/** A handler error with an IPC error code. */
export class HandlerError extends Error {
  constructor(readonly code: 'not-found' | 'invalid-request' | 'forbidden', message: string) {
    super(message);
  }
}

/** The main-process handlers, one per channel; each takes a request already validated against the contract, and its `Caller` when known. */
export type Handlers = { [C in IpcChannel]: (request: IpcRequest<C>, caller?: Caller) => Promise<IpcResponse<C>> };

/** Handlers for some of the channels: each area of main (articles, annotations, export, …) builds its own. */
export type HandlerGroup<C extends IpcChannel> = { [K in C]: (request: IpcRequest<K>, caller?: Caller) => Promise<IpcResponse<K>> };

/** The label `type` of the label set; throws `HandlerError('invalid-request')` when there is none. */
export function requireLabel(repository: ArticleRepository, type: string): Label {
  const label = repository.labels.get(type);
  if (!label) throw new HandlerError('invalid-request', `there is no label ${type}`);
  return label;
}

/** The stored record of `articleId`; throws `HandlerError('not-found')` when there is none. */
export function requireRecord(repository: ArticleRepository, articleId: string): ArticleRecord {
  const found = repository.get(articleId);
  if (!found) throw new HandlerError('not-found', `no article ${articleId} is open`);
  return found;
}

/**
 * The source (path, SHA-256 of its bytes, format) of the file at `path` that `record`'s text was
 * read from, else of the file it was last read from; throws `HandlerError('not-found')` for a path
 * the text was never opened from, so the renderer can name no other file.
 */
export function requireSource(record: ArticleRecord, path?: string): ArticleSource {
  const from = path ?? record.article.source.path;
  const source = from === record.article.source.path ? record.article.source : record.sources[from]?.source;
  if (!source) throw new HandlerError('not-found', `${basename(from)} was not opened with this article's text`);
  return source;
}
