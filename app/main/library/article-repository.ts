import { join } from 'node:path';
import { z } from 'zod';
import type { Annotation } from '../../core/annotation.js';
import type { Article } from '../../core/article.js';
import { AnnotationSchema, ArticleSchema } from '../../core/schemas.js';
import type { JsonStore, JsonStoreFactory } from '../store/json-store.js';
import { EncodingChoices } from './encoding-choices.js';

/** Version of the stored data's shape, written into every store file. */
export const STORE_SCHEMA_VERSION = 1;

const ArticleRecordSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  article: ArticleSchema,
  annotations: z.array(AnnotationSchema),
});
const IndexSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  /** File SHA-256 -> article id: a file opened before is not extracted again. */
  files: z.record(z.string(), z.string()),
});

/** An article with its annotations, as stored. */
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** A store file that does not hold what it should. */
export class StoreError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'StoreError';
  }
}

/**
 * The data directory: one store file per article (`articles/<article id>.json`, the article and
 * its annotations) and `index.json` (file hash -> article id). Main owns it; every change marks
 * its article dirty and is written after `flushDelayMs`, one write per dirty article, so a save
 * costs O(that article), not O(library). `flush()` writes everything now (on close and quit).
 * Records are validated when read; a record that fails throws `StoreError` and is left as it is.
 */
export class ArticleRepository {
  private readonly records = new Map<string, { store: JsonStore; record: ArticleRecord }>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly index: JsonStore;
  private files: Record<string, string>;
  /** The encodings the analyst chose for files (`encodings.json`). */
  readonly encodings: EncodingChoices;

  constructor(
    readonly dataDir: string,
    private readonly openStore: JsonStoreFactory,
    private readonly flushDelayMs = 250,
  ) {
    this.index = openStore({ cwd: dataDir, name: 'index' });
    this.encodings = new EncodingChoices(dataDir, openStore);
    const raw = this.index.read();
    if (Object.keys(raw).length === 0) {
      this.files = {};
    } else {
      const parsed = IndexSchema.safeParse(raw);
      if (!parsed.success) throw new StoreError(this.index.path, `not a valid index (${parsed.error.issues[0]?.message})`);
      this.files = parsed.data.files;
    }
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
   * Stores `article` (new, or the same text opened from another path or file) and remembers its
   * file. Keeps existing annotations. Returns the record.
   */
  put(article: Article): ArticleRecord {
    const existing = this.entry(article.id);
    if (this.files[article.source.sha256] !== article.id) {
      this.files[article.source.sha256] = article.id;
      this.index.write({ schemaVersion: STORE_SCHEMA_VERSION, files: this.files });
    }
    if (existing) {
      const { source, encoding } = existing.record.article;
      // The source and how it was decoded describe the file the text was last opened from.
      if (source.path !== article.source.path || source.sha256 !== article.source.sha256 || JSON.stringify(encoding) !== JSON.stringify(article.encoding)) {
        existing.record.article = { ...existing.record.article, source: article.source, encoding: article.encoding };
        this.markDirty(article.id);
      }
      return existing.record;
    }
    const record: ArticleRecord = { schemaVersion: STORE_SCHEMA_VERSION, article, annotations: [] };
    this.records.set(article.id, { store: this.storeFor(article.id), record });
    this.markDirty(article.id);
    return record;
  }

  /** Adds an annotation to a stored article. Throws when the article is not stored. */
  addAnnotation(articleId: string, annotation: Annotation): void {
    this.require(articleId).annotations.push(annotation);
    this.markDirty(articleId);
  }

  /** Deletes an annotation; false when there was none with that id. */
  deleteAnnotation(articleId: string, id: string): boolean {
    const record = this.require(articleId);
    const before = record.annotations.length;
    record.annotations = record.annotations.filter((a) => a.id !== id);
    if (record.annotations.length === before) return false;
    this.markDirty(articleId);
    return true;
  }

  /** Writes every dirty article now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const id of [...this.dirty]) {
      const entry = this.records.get(id);
      if (entry) entry.store.write(entry.record);
      this.dirty.delete(id);
    }
  }

  private require(articleId: string): ArticleRecord {
    const record = this.get(articleId);
    if (!record) throw new StoreError(join(this.dataDir, 'articles'), `no article ${articleId}`);
    return record;
  }

  private storeFor(articleId: string): JsonStore {
    return this.openStore({ cwd: join(this.dataDir, 'articles'), name: articleId });
  }

  private entry(articleId: string): { store: JsonStore; record: ArticleRecord } | null {
    const cached = this.records.get(articleId);
    if (cached) return cached;
    if (!/^[0-9a-f]{64}$/.test(articleId)) return null;
    const store = this.storeFor(articleId);
    const raw = store.read();
    if (Object.keys(raw).length === 0) return null;
    const parsed = ArticleRecordSchema.safeParse(raw);
    if (!parsed.success) throw new StoreError(store.path, `not a valid article record (${parsed.error.issues[0]?.message})`);
    const entry = { store, record: parsed.data };
    this.records.set(articleId, entry);
    return entry;
  }

  private markDirty(articleId: string): void {
    this.dirty.add(articleId);
    this.timer ??= setTimeout(() => this.flush(), this.flushDelayMs);
  }
}
