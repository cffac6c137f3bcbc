import { join } from 'node:path';
import { fileSize, fileStamp } from '../fs/file-stamp.js';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import type { Article } from '../../core/article.js';
import { applyChanges, type Change } from '../../core/history.js';
import type { JsonStore, JsonStoreFactory } from '../store/json-store.js';
import { readOnlyStoreFactory } from '../store/read-only-store.js';
import { safeStoreFactory, type StoreNotice } from '../store/safe-store.js';
import { StoreError } from '../store/store-error.js';
import { parseArticleRecord, parseIndex, STORE_SCHEMA_VERSION, type ArticleRecord, type StoreIndex } from './store-schema.js';
import { LabelSettings } from '../labels/label-settings.js';
import { ArticleJournals, replayJournal, type JournalChange } from './article-journal.js';
import { EncodingChoices } from './encoding-choices.js';
import { PreferenceSettings } from '../preferences/preference-settings.js';
import { tombstones, tombstonesAfter } from './tombstones.js';
import { isDamageNotice, UnsavedRecords, type RepositoryNotice } from './unsaved-records.js';

export { STORE_SCHEMA_VERSION, type ArticleRecord } from './store-schema.js';

export { StoreError } from '../store/store-error.js';

/**
 * The data directory: one store file per article (`articles/<article id>.json`, the article, its
 * annotations and orphans) and `index.json` (file hash -> article id, path -> article id; shapes
 * and migrations in `store-schema.ts`). Main owns it. A new record, or a record whose source
 * changed, is written at once. A change of annotations is appended to the article's journal
 * (`articles/<article id>.journal`, `article-journal.ts`: one line of the records it sets or
 * removes, written before the call returns, so a change main has answered survives a kill) and
 * the record marked dirty. `flushDelayMs` after a change, `checkpoint()` writes the dirty records
 * that are due (`isDue`: a small record always, a large one once its journal has grown to an eighth
 * of it) and retires their journals (`ArticleJournals.retire`); the journals of the others are flushed to the disk in the
 * background. So a save costs O(the change) on main's thread, never O(library), and a record of
 * thousands of annotations is rewritten once per hundreds of changes, not after each (its write
 * parses and serialises megabytes: about 100 ms, by `npm run bench`'s W4).
 * `flush()` writes every dirty record now (on close and quit, and before a whole-library export). A record is read
 * with its journal replayed onto it (then written, the journal retired); a record restored from its
 * `.bak` gets the retired journal's changes first (`ArticleJournals.reinstatePrevious`); a journal with a line
 * that cannot be read but the last (cut short by a crash, never confirmed) is moved aside, the
 * lines before it applied, and a notice given. Records are validated when read; a record that
 * fails throws `StoreError` and is left as it is.
 */
export class ArticleRepository {
  private readonly records = new Map<string, { store: JsonStore; record: ArticleRecord }>();
  private readonly dirty = new Set<string>();
  /** Per article, the size of its record file when last read or written, and of its journal since: bytes. */
  private readonly sizes = new Map<string, { record: number; journal: number }>();
  private readonly journals: ArticleJournals;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set by `stop`: no checkpoint is scheduled any more. */
  private stopped = false;
  private readonly index: JsonStore;
  /** Whether `index.json` holds an index (read at start, or written since). */
  private indexOnDisk: boolean;
  private readonly files: StoreIndex['files'];
  private readonly paths: StoreIndex['paths'];
  /** The encodings the analyst chose for files (`encodings.json`). */
  readonly encodings: EncodingChoices;
  /** The label set applied to every article (`labels.json`). */
  readonly labels: LabelSettings;
  /** The analyst's preferences (`preferences.json`). */
  readonly preferences: PreferenceSettings;
  /**
   * What to tell the analyst, in the order it happened: damaged store files found since start (each
   * moved aside and its last good copy restored), and records that could not be written (`UnsavedNotice`).
   */
  readonly notices: RepositoryNotice[] = [];
  /** Records whose last write failed: told once each (`notices`), tried again at the next checkpoint or flush. */
  private readonly unsaved = new UnsavedRecords((notice) => this.notices.push(notice));
  /**
   * The factory every store of this data directory is opened with: `base` keeping a last good
   * copy of each file and recovering from damage (`safeStoreFactory`), its notices in `notices`.
   */
  readonly openStore: JsonStoreFactory;

  constructor(
    readonly dataDir: string,
    base: JsonStoreFactory,
    private readonly flushDelayMs = 250,
    private readonly now: () => Date = () => new Date(),
    private readonly readOnly = false,
  ) {
    this.journals = new ArticleJournals(join(dataDir, 'articles'));
    this.openStore = readOnly ? base : safeStoreFactory(base, (notice: StoreNotice) => this.notices.push(notice));
    this.index = this.openStore({ cwd: dataDir, name: 'index', check: (raw) => errorOf(parseIndex(raw, () => null)) });
    this.encodings = new EncodingChoices(dataDir, this.openStore);
    this.labels = new LabelSettings(dataDir, this.openStore);
    this.preferences = new PreferenceSettings(dataDir, this.openStore);
    const raw = this.index.read();
    this.indexOnDisk = Object.keys(raw).length > 0;
    if (!this.indexOnDisk) {
      this.files = {};
      this.paths = {};
    } else {
      const parsed = parseIndex(raw, (id) => this.sourcePathOf(id));
      if ('error' in parsed) throw new StoreError(this.index.path, parsed.error);
      ({ files: this.files, paths: this.paths } = parsed.index);
      // A migrated index is written at once, so its paths are not rebuilt from every record at each start.
      if (raw.schemaVersion !== STORE_SCHEMA_VERSION && !readOnly) this.index.write(parsed.index);
    }
  }

  /**
   * A repository over `dataDir` that changes no file, for a data directory another process holds
   * (`attest export` while the app is open): its stores are opened with `readOnlyStoreFactory`
   * (a damaged file throws `StoreError` and stays as it is), and each record is read with its
   * journal applied in memory, the two read again if the holder rewrote the record between them,
   * so the record is as of the holder's last confirmed change. A journal with a line that cannot
   * be read, or any write, throws `StoreError`.
   */
  static readOnly(dataDir: string): ArticleRepository {
    return new ArticleRepository(dataDir, readOnlyStoreFactory, 250, () => new Date(), true);
  }

  /** The id of the article last opened from `path` (absolute), if any: a hint that the file there may have changed. */
  articleIdForPath(path: string): string | null {
    return this.paths[path] ?? null;
  }

  /** The article id last imported from a file with these bytes' SHA-256, if any. */
  articleIdForFile(fileSha256: string): string | null {
    return this.files[fileSha256] ?? null;
  }

  /** The stored record of `articleId`, or null when there is none. Throws `StoreError` if damaged. */
  get(articleId: string): ArticleRecord | null {
    return this.entry(articleId)?.record ?? null;
  }

  /**
   * The article as last read from the file at `path` (absolute) when that file held the bytes
   * whose SHA-256 is `fileSha256`, or null (a path not seen, or its bytes changed): that file's
   * own source, encoding, metadata and structure over the stored text, so it need not be read
   * again. Throws `StoreError` if the record is damaged.
   */
  articleReadFrom(path: string, fileSha256: string): Article | null {
    const articleId = this.paths[path];
    const record = articleId ? this.get(articleId) : null;
    const view = record?.sources[path];
    if (!record || !view || view.source.sha256 !== fileSha256) return null;
    return { id: record.article.id, text: record.article.text, ...view };
  }

  /**
   * Stores `article` as read from the file `article.source` names: a new text gets a record; a
   * text stored before (from another file, or the same file) keeps its annotations and orphans,
   * and the file's own view of it (source, encoding, metadata, structure) is kept under its path
   * and becomes the record's article. Remembers the file's hash and path (`readHere`), so that
   * opening that file again finds this record; `readHere: false` for an article whose file was not
   * read here (an imported export's claim about a file elsewhere), which must not decide what a
   * file of this machine shows. Returns the record.
   */
  put(article: Article, { readHere = true }: { readHere?: boolean } = {}): ArticleRecord {
    const existing = this.entry(article.id);
    const claims = readHere && (this.files[article.source.sha256] !== article.id || this.paths[article.source.path] !== article.id);
    if (claims) {
      this.files[article.source.sha256] = article.id;
      this.paths[article.source.path] = article.id;
    }
    // A data directory holding articles always has its index (the command line looks for it).
    if (claims || !this.indexOnDisk) {
      this.index.write({ schemaVersion: STORE_SCHEMA_VERSION, files: this.files, paths: this.paths });
      this.indexOnDisk = true;
    }
    const { id: _id, text: _text, ...view } = article;
    if (existing) {
      const { record } = existing;
      const { id: _storedId, text: _storedText, ...shown } = record.article;
      if (JSON.stringify(shown) !== JSON.stringify(view) || JSON.stringify(record.sources[article.source.path]) !== JSON.stringify(view)) {
        // The stored text stays the one object: the same text by definition of the id.
        record.article = { ...view, id: record.article.id, text: record.article.text };
        record.sources[article.source.path] = view;
        this.write(article.id);
      }
      return record;
    }
    const record: ArticleRecord = { schemaVersion: STORE_SCHEMA_VERSION, article, annotations: [], orphans: [], sources: { [article.source.path]: view } };
    this.records.set(article.id, { store: this.storeFor(article.id), record });
    this.write(article.id);
    return record;
  }

  /** Adds an annotation to a stored article. Throws when the article is not stored. */
  addAnnotation(articleId: string, annotation: Annotation): void {
    const record = this.require(articleId);
    this.journal(articleId, [{ id: annotation.id, after: annotation }]);
    record.annotations.push(annotation);
  }

  /**
   * Adds annotations and orphans carried over from another record (re-anchored in this article's
   * text by the caller), leaving out any whose id the record already holds, so that carrying the
   * same ones twice adds nothing. Returns how many were added. Throws when the article is not stored.
   */
  adopt(articleId: string, carried: { annotations: readonly Annotation[]; orphans: readonly OrphanAnnotation[] }): number {
    const record = this.require(articleId);
    const known = new Set([...record.annotations, ...record.orphans].map((a) => a.id));
    const annotations = carried.annotations.filter((a) => !known.has(a.id));
    const orphans = carried.orphans.filter((a) => !known.has(a.id));
    if (annotations.length + orphans.length === 0) return 0;
    this.journal(articleId, [...annotations, ...orphans].map((a) => ({ id: a.id, after: a })));
    record.annotations.push(...annotations);
    record.orphans.push(...orphans);
    return annotations.length + orphans.length;
  }

  /**
   * Applies changes of annotations and orphans (matched by id; a record with a `reason` is an
   * orphan) to a stored article, all or nothing; see `applyChanges` in `core/history.ts` for when
   * it throws. Throws `StoreError` when the article is not stored.
   */
  applyChanges(articleId: string, changes: readonly Change<Annotation | OrphanAnnotation>[]): void {
    const record = this.require(articleId);
    const next = applyChanges<Annotation | OrphanAnnotation>([...record.annotations, ...record.orphans], changes);
    this.journal(articleId, changes.map(({ before, after }) => ({ id: (after ?? before)!.id, after })));
    record.deleted = tombstones(record, next, this.now().toISOString());
    record.annotations = next.filter((a): a is Annotation => !('reason' in a));
    record.orphans = next.filter((a): a is OrphanAnnotation => 'reason' in a);
  }

  /**
   * Writes every dirty article now. A record that cannot be written stays dirty (its changes are in
   * its journal), is told once (`notices`) and tried again later; the others are still written.
   * Then throws `StoreError` naming the first that failed, for a caller that needs them on disk.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const failed = [...this.dirty].map((id) => this.tryWrite(id)).filter((error) => error !== null);
    if (failed.length > 0) throw new StoreError(failed[0].path, `${failed.length === 1 ? 'not written' : `not written, nor ${failed.length - 1} other record(s)`} (${failed[0].reason}); the changes are kept in the journal and written when the obstacle is gone`);
  }

  /**
   * Schedules no more checkpoints (and cancels the one due): after the last flush at quit, this
   * repository writes nothing on its own once the data directory's lock may be another's. Records
   * left dirty keep their changes in their journals, for the next start.
   */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * What the batch timer does, `flushDelayMs` after a change: writes the dirty records that are
   * due (`isDue`) and asks for the journals of the others to be flushed to the disk off the main
   * thread (`ArticleJournals.syncInBackground`). Those stay dirty, their changes in the journal.
   * Never throws: a record that cannot be written stays dirty, is told once (`notices`) and tried
   * again `RETRY_DELAYS` checkpoint delays later; the others are still written.
   */
  checkpoint(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const id of [...this.dirty]) {
      const size = this.sizes.get(id);
      if (!size || isDue(size) || this.unsaved.has(id)) this.tryWrite(id);
      else this.journals.syncInBackground(id, (error) => console.error(`Attest: the journal of ${id} was not flushed to disk: ${error.message}`));
    }
  }

  private require(articleId: string): ArticleRecord {
    const record = this.get(articleId);
    if (!record) throw new StoreError(join(this.dataDir, 'articles'), `no article ${articleId}`);
    return record;
  }

  private storeFor(articleId: string): JsonStore {
    return this.openStore({ cwd: join(this.dataDir, 'articles'), name: articleId, check: (raw) => errorOf(parseArticleRecord(raw)) });
  }

  private entry(articleId: string): { store: JsonStore; record: ArticleRecord } | null {
    const cached = this.records.get(articleId);
    if (cached) return cached;
    if (!/^[0-9a-f]{64}$/.test(articleId)) return null;
    if (this.readOnly) return this.readOnlyEntry(articleId);
    const noticed = this.notices.length;
    const store = this.storeFor(articleId);
    // Restored from its `.bak`, the record lacks the changes its last write took in: they come back from the previous journal.
    if (this.notices.slice(noticed).some((n) => isDamageNotice(n) && n.path === store.path && n.restoredFrom !== null)) this.journals.reinstatePrevious(articleId);
    const raw = store.read();
    if (Object.keys(raw).length === 0) {
      this.setAsideStrayJournal(articleId);
      return null;
    }
    const parsed = parseArticleRecord(raw);
    if ('error' in parsed) throw new StoreError(store.path, parsed.error);
    const entry = { store, record: parsed.record };
    this.records.set(articleId, entry);
    this.sizes.set(articleId, { record: fileSize(store.path), journal: 0 });
    this.replay(articleId, entry.record);
    return entry;
  }

  /**
   * The record of `articleId` with its journal applied, neither changed on disk; read again while
   * the record file was replaced between the two reads (the holder then removed the journal it
   * took in, and may have begun another), at most 10 times.
   */
  private readOnlyEntry(articleId: string): { store: JsonStore; record: ArticleRecord } | null {
    const path = join(this.dataDir, 'articles', `${articleId}.json`);
    for (let attempt = 1; ; attempt++) {
      const before = fileStamp(path);
      const store = this.storeFor(articleId);
      const journal = this.journals.read(articleId);
      if (fileStamp(path) !== before) {
        if (attempt < 10) continue;
        throw new StoreError(path, 'rewritten at every read: try the export again');
      }
      const raw = store.read();
      if (Object.keys(raw).length === 0) return null;
      const parsed = parseArticleRecord(raw);
      if ('error' in parsed) throw new StoreError(path, parsed.error);
      const { record } = parsed;
      if (journal?.damaged) throw new StoreError(this.journals.pathOf(articleId), `line ${journal.damaged.line} cannot be read (${journal.damaged.reason}); Attest sets the journal aside when it next opens the article`);
      if (journal) this.applyJournal(record, journal.lines);
      const entry = { store, record };
      this.records.set(articleId, entry);
      return entry;
    }
  }

  /**
   * Applies the article's journal (changes since its record was last written, by a process that
   * ended before writing it) to `record`, writes the record and removes the journal. A journal
   * with a line that cannot be read is moved aside after the lines before it are applied, with a notice.
   */
  private replay(articleId: string, record: ArticleRecord): void {
    const journal = this.journals.read(articleId);
    if (!journal) return;
    this.applyJournal(record, journal.lines);
    if (journal.damaged) {
      const path = this.journals.pathOf(articleId);
      const movedTo = this.journals.moveAside(articleId, this.stamp());
      const applied = journal.damaged.line - 1;
      this.notices.push({ path, reason: `line ${journal.damaged.line} cannot be read (${journal.damaged.reason}); the ${applied} change(s) before it were applied`, movedTo, restoredFrom: this.records.get(articleId)!.store.path });
    }
    // Not written (the journal is kept): opened all the same, and written at a later checkpoint.
    this.tryWrite(articleId);
  }

  /** Applies journal lines to `record` in memory; deletions they hold are noted as the record notes its own (`tombstones`), as of now. */
  private applyJournal(record: ArticleRecord, lines: readonly JournalChange[][]): void {
    const replayed = replayJournal(record, lines);
    record.deleted = tombstonesAfter(record.deleted, lines.flat(), this.now().toISOString());
    Object.assign(record, replayed);
  }

  /** A journal whose record is gone (damaged with no good copy) has nothing to apply to: it is moved aside, with a notice. */
  private setAsideStrayJournal(articleId: string): void {
    if (!this.journals.read(articleId)) return;
    const path = this.journals.pathOf(articleId);
    const movedTo = this.journals.moveAside(articleId, this.stamp());
    this.notices.push({ path, reason: 'the article record it changes could not be read', movedTo, restoredFrom: null });
  }

  private stamp(): string {
    return this.now().toISOString().replace(/[:.]/g, '-');
  }

  /** The path a stored article was last opened from, or null when its record cannot be read. */
  private sourcePathOf(articleId: string): string | null {
    try {
      return this.entry(articleId)?.record.article.source.path ?? null;
    } catch {
      return null;
    }
  }

  /** Appends `changes` to the article's journal (written at once) and marks its record to be written after `flushDelayMs`. */
  private journal(articleId: string, changes: JournalChange[]): void {
    const journal = this.journals.append(articleId, changes);
    const size = this.sizes.get(articleId);
    if (size) size.journal = journal;
    this.dirty.add(articleId);
    if (!this.stopped) this.timer ??= setTimeout(() => this.checkpoint(), this.flushDelayMs);
  }

  /**
   * Writes the record of `articleId` now and removes its journal, whose changes it holds. When that
   * throws, the record stays dirty (its journal kept) and a checkpoint is due `RETRY_DELAYS` checkpoint delays later.
   */
  private write(articleId: string): void {
    const entry = this.records.get(articleId);
    if (!entry) {
      this.dirty.delete(articleId);
      return;
    }
    try {
      entry.store.write(entry.record);
      this.journals.retire(articleId);
    } catch (error) {
      this.dirty.add(articleId);
      if (!this.stopped) this.timer ??= setTimeout(() => this.checkpoint(), this.flushDelayMs * RETRY_DELAYS);
      throw error;
    }
    this.dirty.delete(articleId);
    this.unsaved.written(articleId);
    this.sizes.set(articleId, { record: fileSize(entry.store.path), journal: 0 });
  }

  /** `write`, outside a request: a failure is told once (`notices`) and answered as the record's path and the reason, never thrown. */
  private tryWrite(articleId: string): { path: string; reason: string } | null {
    try {
      this.write(articleId);
      return null;
    } catch (error) {
      const path = this.records.get(articleId)!.store.path;
      this.unsaved.failed(articleId, path, this.journals.pathOf(articleId), error);
      return { path, reason: (error as Error).message };
    }
  }
}

/** How many checkpoint delays (`flushDelayMs`) after a record could not be written it is tried again, if no change asks sooner: 5 s by default. */
const RETRY_DELAYS = 20;

/** Records up to this size (bytes) are written at each checkpoint: about 10 ms of main's time at most. */
const SMALL_RECORD_BYTES = 256 * 1024;

/**
 * Whether a dirty record is written at this checkpoint: when it is small, or its journal has
 * reached an eighth of it. Each write of a large record then costs what writing about eight times
 * the changes since the last would: O(the change) a change, amortised.
 */
export function isDue(size: { record: number; journal: number }): boolean {
  return size.record <= SMALL_RECORD_BYTES || size.journal * 8 >= size.record;
}

function errorOf(parsed: object): string | null {
  return 'error' in parsed ? String(parsed.error) : null;
}
