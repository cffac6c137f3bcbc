import { watch, type FSWatcher } from 'chokidar';
import { lstat, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Article } from '../../core/article.js';
import type { OpenedArticle } from '../../core/ipc.js';
import type { AnnotationCounts, LibraryEntry, LibraryListing } from '../../core/library-schemas.js';
import type { JsonStoreFactory } from '../store/json-store.js';
import type { ArticleRepository } from './article-repository.js';
import { LibrarySettings } from './library-settings.js';
import { isIgnored, isInside, scanFolder } from './scan-folder.js';
import { ImportError } from '../importers/errors.js';

/** Changes within this many milliseconds reach listeners as one notification. */
export const NOTIFY_DELAY_MS = 50;

/** What the library needs. */
export interface LibraryOptions {
  /** The data directory, where `library.json` (roots and recent files) is kept. */
  dataDir: string;
  openStore: JsonStoreFactory;
  /** The store of articles and annotations; the counts are read from its records. */
  repository: ArticleRepository;
  /**
   * Opens a file through the app's one import path (`openArticle`: a file whose SHA-256 was seen
   * before comes back from the store without extraction). Throws `ImportError` for bad files.
   */
  open(path: string): Promise<OpenedArticle>;
  /**
   * How long a file's size must stay the same before a change counts, in milliseconds
   * (chokidar's `awaitWriteFinish.stabilityThreshold`); default 150.
   */
  writeFinishMs?: number;
  /** The current time (ISO 8601); injectable for deterministic tests. */
  now?: () => string;
}

/** A folder that cannot be made a root, or a path the library will not open. */
export class LibraryError extends Error {
  constructor(readonly code: 'not-found' | 'invalid-request' | 'forbidden', message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}

type Entry = Omit<LibraryEntry, 'counts'>;

const NO_COUNTS: AnnotationCounts = { claim: 0, quote: 0, source: 0 };

/**
 * The library: folders the analyst opened as roots (remembered in `library.json`), every
 * article file under them imported through the one import path, and the recently opened files.
 * Each root is watched with chokidar (`ignoreInitial`, `awaitWriteFinish`), so files added,
 * changed or removed show up without a restart. A file that fails to import is listed with its
 * error and the others keep working. File work runs one task at a time in arrival order, so a
 * change and a removal of the same file never cross. Listeners of `onChange` hear of every
 * change (coalesced within `NOTIFY_DELAY_MS`) with the new revision.
 */
export class Library {
  private readonly settings: LibrarySettings;
  private readonly entries = new Map<string, Entry>();
  private readonly rootErrors = new Map<string, string>();
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly listeners = new Set<(revision: number) => void>();
  private queue: Promise<void> = Promise.resolve();
  private revisionNumber = 0;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(private readonly options: LibraryOptions) {
    this.settings = new LibrarySettings(options.dataDir, options.openStore);
  }

  /** Watches and scans every remembered root; resolves when all are scanned. */
  async start(): Promise<void> {
    await Promise.all(this.settings.roots.map((root) => this.attach(root)));
  }

  /** Grows by one with every change; a poller compares it with the last it saw. */
  get revision(): number {
    return this.revisionNumber;
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (revision: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The library now: roots in the order added, entries sorted by path with their annotation
   * counts as the store holds them at this moment, recent files newest first.
   */
  list(): LibraryListing {
    const entries = [...this.entries.values()]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((entry) => ({ ...entry, ...this.countsOf(entry) }));
    return {
      revision: this.revisionNumber,
      roots: this.settings.roots.map((path) => ({ path, error: this.rootErrors.get(path) ?? null })),
      entries,
      recent: [...this.settings.recent],
    };
  }

  /**
   * Adds the folder at `path` as a root (remembered), watches it and imports its files; resolves
   * when they are listed. A folder already a root changes nothing. Throws `LibraryError` when
   * `path` is not a readable folder.
   */
  async addRoot(path: string): Promise<void> {
    const root = resolve(path);
    if (this.settings.roots.includes(root)) return;
    const info = await stat(root).catch(() => null);
    if (!info?.isDirectory()) throw new LibraryError('invalid-request', `${root}: not a folder`);
    this.settings.setRoots([...this.settings.roots, root]);
    await this.attach(root);
  }

  /** Forgets the root `path`, stops watching it and drops its entries (files stay on disk). */
  async removeRoot(path: string): Promise<void> {
    const root = resolve(path);
    if (!this.settings.roots.includes(root)) throw new LibraryError('not-found', `${root} is not a library folder`);
    this.settings.setRoots(this.settings.roots.filter((r) => r !== root));
    this.rootErrors.delete(root);
    await this.watchers.get(root)?.close();
    this.watchers.delete(root);
    await this.enqueue(async () => {
      for (const entry of [...this.entries.values()]) {
        if (entry.root !== root) continue;
        const other = this.rootOf(entry.path);
        if (other) this.entries.set(entry.path, { ...entry, root: other });
        else this.entries.delete(entry.path);
      }
    });
  }

  /** True when the renderer may open `path`: a file listed under a root, or a recent file. */
  mayOpen(path: string): boolean {
    const absolute = resolve(path);
    return this.entries.has(absolute) || this.settings.recent.some((r) => r.path === absolute);
  }

  /**
   * Opens a listed or recent file through the import path and notes it as recent. Throws
   * `LibraryError('forbidden')` for any other path, `ImportError` for a file that fails; a recent
   * file that no longer exists is taken off the recent files (its message says so).
   */
  async openFile(path: string): Promise<OpenedArticle> {
    if (!this.mayOpen(path)) throw new LibraryError('forbidden', `${path} is neither in a library folder nor a recent file`);
    const absolute = resolve(path);
    try {
      const opened = await this.options.open(absolute);
      this.noteOpened(opened.article);
      return opened;
    } catch (error) {
      // A recent file that is gone (moved, renamed, deleted) leaves the list, and the message says so; its annotations stay in the store.
      const gone = await stat(absolute).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
      if (gone && !this.entries.has(absolute) && this.settings.removeRecent(absolute)) {
        this.changed();
        if (error instanceof ImportError) throw new ImportError(error.code, `${error.message}; it is taken off the recent files`);
      }
      throw error;
    }
  }

  /** Remembers `article` (by its source path) as the most recently opened file. */
  noteOpened(article: Article): void {
    const now = this.options.now?.() ?? new Date().toISOString();
    this.settings.addRecent({ path: article.source.path, title: article.title, opened: now });
    this.changed();
  }

  /** Stops watching; waits for the file work under way. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
    await this.queue;
  }

  /** Watches `root` (waiting until chokidar is ready, so nothing written after is missed), then scans it. */
  private async attach(root: string): Promise<void> {
    const info = await stat(root).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error || !info.isDirectory()) {
      this.rootErrors.set(root, info instanceof Error && info.code !== 'ENOENT' ? `${root}: ${info.message}` : `${root}: no such folder`);
      this.changed();
      return;
    }
    this.rootErrors.delete(root);
    const stability = this.options.writeFinishMs ?? 150;
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      awaitWriteFinish: { stabilityThreshold: stability, pollInterval: Math.max(10, Math.round(stability / 4)) },
      ignored: (path, stats) => isIgnored(root, path, stats?.isFile() ?? false),
    });
    this.watchers.set(root, watcher);
    watcher.on('add', (path) => void this.enqueue(() => this.refresh(resolve(path))));
    watcher.on('change', (path) => void this.enqueue(() => this.refresh(resolve(path))));
    watcher.on('unlink', (path) => void this.enqueue(async () => this.forget(resolve(path))));
    watcher.on('unlinkDir', (path) => void this.enqueue(async () => this.forgetUnder(resolve(path))));
    watcher.on('error', (error) => {
      this.rootErrors.set(root, `${root}: ${(error as Error).message}`);
      this.changed();
    });
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
    await this.enqueue(async () => {
      for (const path of await scanFolder(root).catch(() => [])) await this.refresh(path);
    });
  }

  /** Imports `path` again (cheap when its bytes are known) and lists the result or its error. */
  private async refresh(path: string): Promise<void> {
    const root = this.rootOf(path);
    if (!root || this.closed) return;
    // Links are not followed, to files or folders alike (as `scanFolder`): one could lead out of
    // the folder the analyst chose, or around in a loop. chokidar reports them as files.
    if ((await lstat(path).catch(() => null))?.isSymbolicLink()) return this.forget(path);
    let entry: Entry;
    try {
      const { article } = await this.options.open(path);
      entry = { path, root, articleId: article.id, title: article.title, siteName: article.siteName, publishedTime: article.publishedTime, error: null };
    } catch (error) {
      // Gone between the event and the read: the `unlink` that follows removes it.
      if ((await stat(path).catch(() => null)) === null) return this.forget(path);
      entry = { path, root, articleId: null, title: basename(path), siteName: null, publishedTime: null, error: (error as Error).message };
    }
    this.entries.set(path, entry);
    this.changed();
  }

  private forget(path: string): void {
    if (this.entries.delete(path)) this.changed();
  }

  private forgetUnder(dir: string): void {
    for (const path of [...this.entries.keys()]) if (isInside(dir, path)) this.forget(path);
  }

  /** The first root (in the order added) that holds `path`, or null. */
  private rootOf(path: string): string | null {
    return this.settings.roots.find((root) => isInside(root, path) && !this.rootErrors.has(root)) ?? null;
  }

  private countsOf(entry: Entry): { counts: AnnotationCounts; error: string | null } {
    if (!entry.articleId) return { counts: NO_COUNTS, error: entry.error };
    try {
      const annotations = this.options.repository.get(entry.articleId)?.annotations ?? [];
      const counts = { ...NO_COUNTS };
      // The library's columns count the built-in labels; custom labels are not counted there.
      for (const a of annotations) if (Object.hasOwn(counts, a.type)) counts[a.type as keyof AnnotationCounts] += 1;
      return { counts, error: null };
    } catch (error) {
      return { counts: NO_COUNTS, error: (error as Error).message };
    }
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private changed(): void {
    this.revisionNumber += 1;
    if (this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      for (const listener of this.listeners) listener(this.revisionNumber);
    }, NOTIFY_DELAY_MS);
  }
}
