import { z } from 'zod';
import { ENCODING_CHOICES } from './encodings.js';
import { EXPORT_FORMATS, EXPORT_SCOPES, ImportReportSchema } from './formats/interchange.js';
import type { MenuCommand } from './ipc-messages.js';
import { LibraryListingSchema } from './library-schemas.js';
import { PreferencesSchema } from './preferences.js';
import { AnnotationLinkSchema, AnnotationSchema, AnnotationTypeSchema, ArticleSchema, LabelInputSchema, LabelSchema, OrphanAnnotationSchema } from './schemas.js';

/**
 * The IPC contract between renderer and main: every channel (`noun:verb`) with the schema of its
 * request and of its response. Main validates each request from `unknown` against it; every
 * handler answers with an `IpcResult` instead of throwing across the process boundary.
 */

const articleId = z.string().regex(/^[0-9a-f]{64}$/);

/** The longest note an annotation holds, in UTF-16 code units (what `annotation:update` accepts; the Note box's `maxLength`). */
export const NOTE_MAX_LENGTH = 100_000;

/** An article as the reader receives it: the article, its annotations, and its orphans (listed, never painted). */
export const OpenedArticleSchema = z.object({
  article: ArticleSchema,
  annotations: z.array(AnnotationSchema),
  orphans: z.array(OrphanAnnotationSchema),
  /** What the analyst is told about this opening: the file's earlier annotations were not carried (it holds another file's text). */
  notice: z.string().max(10_000).optional(),
});

/** An article's annotations and orphans after a change, for the renderer to show as they are now. */
const ArticleAnnotationsSchema = z.object({ annotations: z.array(AnnotationSchema), orphans: z.array(OrphanAnnotationSchema) });
const annotationId = z.string().min(1).max(100);

/** The channels, each with its request and response schema. */
export const ipcContract = {
  /** The article to show at start (command line or sample), or null. */
  'session:initial': { request: z.object({}).strict(), response: OpenedArticleSchema.nullable() },
  /**
   * What main found since start, in order: damaged store files, each moved aside (never deleted) with its last good copy
   * restored when there was one; and records it could not write (`kind: 'unsaved'`), their changes kept in `journal`.
   */
  'session:notices': {
    request: z.object({}).strict(),
    response: z.array(
      z.union([
        z.object({ path: z.string(), reason: z.string(), movedTo: z.string(), restoredFrom: z.string().nullable() }),
        z.object({ kind: z.literal('unsaved'), path: z.string(), reason: z.string(), journal: z.string() }),
      ]),
    ),
  },
  /** Asks the analyst for a file with the native open dialog and opens it; null when cancelled. */
  'article:choose': { request: z.object({}).strict(), response: OpenedArticleSchema.nullable() },
  /** Opens a file the analyst dropped on the window; preload only (see `DROPPED_FILE_CHANNEL`). */
  'article:open-dropped': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: OpenedArticleSchema },
  /**
   * Whether the file the article was read from still holds the same bytes (`same`), other bytes
   * (`changed`), or is gone (`missing`). `path`: that file (`article.source.path`), one the text was
   * opened from; else the last one. Main reads only paths it recorded for the article.
   */
  'article:check-file': { request: z.object({ articleId, path: z.string().min(1).max(4096).optional() }).strict(), response: z.object({ state: z.enum(['same', 'changed', 'missing', 'unchecked']) }) },
  /**
   * Reopens the article's file decoded as `encoding`; main remembers the choice for that file (by its SHA-256).
   * `path`: the file the shown article was read from (`article.source.path`), one its text was opened from; else the last one.
   */
  'article:reopen-with-encoding': {
    request: z.object({ articleId, path: z.string().min(1).max(4096).optional(), encoding: z.enum(ENCODING_CHOICES) }).strict(),
    response: OpenedArticleSchema,
  },
  /**
   * Tags [start, end) of the article's canonical text (UTF-16); main normalises the range (`tagSpan`).
   * Idempotent: the same type on the same span answers the existing annotation (the same request
   * sent again too). `id`: a UUID the renderer proposes for the annotation it shows before main
   * answers; a new annotation under an id the article has already is refused.
   */
  'annotation:create': {
    request: z.object({ articleId, type: AnnotationTypeSchema, start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), id: z.uuid().optional() }).strict(),
    response: AnnotationSchema,
  },
  /**
   * Deletes one annotation or orphan; `deleted` is false when it was already gone. Deleting a source
   * that annotations are attributed to needs `attributed`: `detach` their links or `delete-them`.
   */
  'annotation:delete': {
    request: z.object({ articleId, id: annotationId, attributed: z.enum(['detach', 'delete-them']).optional() }).strict(),
    response: ArticleAnnotationsSchema.extend({ deleted: z.boolean() }),
  },
  /**
   * Changes an annotation: its type, note, links (attribution) or boundaries [start, end) (UTF-16;
   * main normalises and re-describes them). A source that stops being one releases the
   * annotations attributed to it. One undo step.
   */
  'annotation:update': {
    request: z
      .object({
        articleId,
        id: annotationId,
        patch: z
          .object({
            type: AnnotationTypeSchema.optional(),
            note: z.string().max(NOTE_MAX_LENGTH).optional(),
            links: z.array(AnnotationLinkSchema).max(10).optional(),
            start: z.number().int().nonnegative().optional(),
            end: z.number().int().nonnegative().optional(),
          })
          .strict(),
      })
      .strict(),
    response: ArticleAnnotationsSchema.extend({ annotation: AnnotationSchema }),
  },
  /** Undoes the article's last annotation change; `applied` names it and `subject` is the id of the annotation it was about, both null when there was none. */
  'annotation:undo': { request: z.object({ articleId }).strict(), response: ArticleAnnotationsSchema.extend({ applied: z.string().nullable(), subject: annotationId.nullable() }) },
  /** Redoes the article's last undone annotation change; `applied` names it and `subject` is the id of the annotation it was about, both null when there was none. */
  'annotation:redo': { request: z.object({ articleId }).strict(), response: ArticleAnnotationsSchema.extend({ applied: z.string().nullable(), subject: annotationId.nullable() }) },
  /**
   * Exports where the analyst chooses in the save dialog, in `format` (default annotated JSON), the
   * article `articleId` or (`scope: 'library'`) each file's current record (an earlier text of a
   * changed file is left out: export it by id); brat writes a folder there.
   * Null when cancelled.
   */
  'article:export': {
    request: z.object({ articleId, format: z.enum(EXPORT_FORMATS).default('json'), scope: z.enum(EXPORT_SCOPES).default('article') }).strict(),
    response: z.object({ path: z.string() }).nullable(),
  },
  /**
   * Exports the library articles the analyst selected (`articleIds`, at least one) in `format`,
   * where the analyst chooses in the save dialog; null when cancelled.
   */
  'library:export': {
    request: z.object({ articleIds: z.array(articleId).min(1).max(100_000), format: z.enum(EXPORT_FORMATS).default('json') }).strict(),
    response: z.object({ path: z.string(), articles: z.number().int().positive() }).nullable(),
  },
  /**
   * Asks for an Attest JSON or W3C Web Annotation file and imports its annotations into the store;
   * `articleId` (the open article) receives W3C annotations whose target names no stored article.
   * Answers the report and the open article as it now is; null when cancelled.
   */
  'annotations:import': {
    request: z.object({ articleId: articleId.nullable() }).strict(),
    response: z.object({ report: ImportReportSchema, opened: OpenedArticleSchema.nullable() }).nullable(),
  },
  /** The library: roots, article files with metadata and annotation counts, recent files. */
  'library:list': { request: z.object({}).strict(), response: LibraryListingSchema },
  /** The library's revision alone, for browser mode's poll (it has no push from main). */
  'library:revision': { request: z.object({}).strict(), response: z.object({ revision: z.number().int().nonnegative() }) },
  /** Asks for a folder with the native dialog and adds it as a library root; null when cancelled. */
  'library:add-root': { request: z.object({}).strict(), response: LibraryListingSchema.nullable() },
  /** Forgets a library root (its files stay on disk). */
  'library:remove-root': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: LibraryListingSchema },
  /** Opens a file listed in the library or among the recent files; main refuses any other path. */
  'library:open': { request: z.object({ path: z.string().min(1).max(4096) }).strict(), response: OpenedArticleSchema },
  /** The label set (built-ins first, then the analyst's own), applied to every article. */
  'labels:list': { request: z.object({}).strict(), response: z.array(LabelSchema) },
  /** Adds a label of the analyst's own; answers the new set. Refused (`invalid-request`) with the reason when the name, colour or key does not fit. */
  'labels:add': { request: LabelInputSchema, response: z.array(LabelSchema) },
  /** Renames, recolours or re-keys a label of the analyst's own (its id stays); answers the new set. */
  'labels:update': { request: z.object({ id: AnnotationTypeSchema, patch: LabelInputSchema.partial().strict() }).strict(), response: z.array(LabelSchema) },
  /** How many annotations (and orphans) use label `id`, in how many stored articles. */
  'labels:usage': { request: z.object({ id: AnnotationTypeSchema }).strict(), response: z.object({ annotations: z.number().int().nonnegative(), articles: z.number().int().nonnegative() }) },
  /**
   * Removes a label of the analyst's own. When annotations use it, `annotations` says what to do
   * with them in every article: `retype` them to label `to`, or `delete` them; without it the
   * removal is refused. Not undoable: the articles' undo histories that mention the label are dropped.
   * `current` is the annotations of `articleId` (the open article) as they now are.
   */
  'labels:remove': {
    request: z
      .object({
        id: AnnotationTypeSchema,
        articleId: articleId.nullable().default(null),
        annotations: z.discriminatedUnion('action', [z.object({ action: z.literal('retype'), to: AnnotationTypeSchema }).strict(), z.object({ action: z.literal('delete') }).strict()]).optional(),
      })
      .strict(),
    response: z.object({ labels: z.array(LabelSchema), changed: z.number().int().nonnegative(), articles: z.number().int().nonnegative(), current: ArticleAnnotationsSchema.nullable() }),
  },
  /** The analyst's preferences (the reader's text size), kept by main for every article. */
  'preferences:get': { request: z.object({}).strict(), response: PreferencesSchema },
  /** Changes the preferences the request names; answers them all. */
  'preferences:set': { request: PreferencesSchema.partial().strict(), response: PreferencesSchema },
  /** Main reloads the window that asks (the error screen's Reload): main denies every navigation the page starts itself. Electron only. */
  'window:reload': { request: z.object({}).strict(), response: z.null() },
} as const;

/** A channel name of the contract. */
export type IpcChannel = keyof typeof ipcContract;
/** The request type of `C`. */
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['request']>;
/** The response type of `C`. */
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['response']>;
/** An opened article. */
export type OpenedArticle = z.infer<typeof OpenedArticleSchema>;

/** What every IPC call answers: a value, or an error with a stable code and a readable message. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** Error codes an IPC call can answer with. */
export type IpcErrorCode = 'invalid-request' | 'unknown-channel' | 'forbidden' | 'not-found' | 'unreadable' | 'unsupported' | 'unwritable' | 'internal';

/** The object the preload exposes to the renderer as `window.attest`. */
export interface AttestApi {
  /**
   * Calls a channel of the contract (not `DROPPED_FILE_CHANNEL`, which only the preload calls).
   * Never throws for handler errors: they come back as `{ ok: false }`.
   */
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribes to files dropped on the window and opened by main; returns the unsubscribe function. */
  onDroppedArticle(listener: (result: IpcResult<OpenedArticle>) => void): () => void;
  /**
   * Subscribes to changes of the library (files added, changed or removed, roots, recent files);
   * returns the unsubscribe function. Electron: pushed by main on `LIBRARY_CHANNEL`; browser
   * mode: the bridge polls `library:revision` every 500 ms while anyone listens.
   */
  onLibraryChanged(listener: () => void): () => void;
  /**
   * `electron`: a native menu owns the File shortcuts and dropped files open by their path;
   * `browser`: the renderer handles the shortcuts, and dropped files cannot be opened.
   */
  readonly runtime: 'electron' | 'browser';
}
