import { z } from 'zod';
import { AnnotationSchema, ArticleSchema, OrphanAnnotationSchema } from '../../core/schemas.js';

/**
 * The shapes of the data directory's files, by version, and the migration from each older one.
 * Version 2 added `orphans` to article records and `paths` to the index. Migration happens when a
 * file is read; an article record is written in the new shape only when something in it changes
 * (the index at once, see `ArticleRepository`).
 */

/** Version of the stored data's shape, written into every store file. */
export const STORE_SCHEMA_VERSION = 2;

const articleId = z.string();

/** An article as read from one file: everything but its id and text, which the record's article holds. */
const ArticleFileViewSchema = ArticleSchema.omit({ id: true, text: true });

const ArticleRecordV1Schema = z.object({ schemaVersion: z.literal(1), article: ArticleSchema, annotations: z.array(AnnotationSchema) });

/** An article record: the article, its annotations, and the orphans kept for review. */
export const ArticleRecordSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  article: ArticleSchema,
  annotations: z.array(AnnotationSchema),
  /** Annotations carried over from an earlier text of the article that could not be placed in this one. */
  orphans: z.array(OrphanAnnotationSchema),
  /**
   * Ids of annotations and orphans deleted from this record, each with when (ISO 8601): when the
   * file goes back to a text it held before, what was deleted since is not brought back
   * (`carryFromPrevious`). Absent in records written before it was kept.
   */
  deleted: z.array(z.object({ id: z.string().min(1).max(100), at: z.string() })).optional(),
  /**
   * Absolute path -> the article as read from the file there (its `source` with the bytes'
   * SHA-256, `encoding`, metadata, blocks and marks), for every file this text was opened from:
   * files with the same text share the annotations, not these. `article` is the last one opened.
   * Records written before it existed read back with none (each file is read again once).
   */
  sources: z.record(z.string(), ArticleFileViewSchema).default({}),
});

const IndexV1Schema = z.object({ schemaVersion: z.literal(1), files: z.record(z.string(), articleId) });

/** `index.json`: where a file was seen before. */
export const IndexSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  /** File SHA-256 -> article id: a file opened before is not extracted again. */
  files: z.record(z.string(), articleId),
  /**
   * Absolute path -> id of the article last opened from it: a hint only. When the file there
   * opens with another text, the annotations of that article are re-anchored in the new one.
   */
  paths: z.record(z.string(), articleId),
});

/** An article as read from one file, without its id and text (see `ArticleRecord['sources']`). */
export type ArticleFileView = z.infer<typeof ArticleFileViewSchema>;
/** An article with its annotations and orphans, as stored (current version). */
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;
/** The index, as stored (current version). */
export type StoreIndex = z.infer<typeof IndexSchema>;

/** Reads an article record of any known version from `unknown`; an error message when it is none. */
export function parseArticleRecord(raw: unknown): { record: ArticleRecord } | { error: string } {
  const current = ArticleRecordSchema.safeParse(raw);
  if (current.success) return { record: current.data };
  const v1 = ArticleRecordV1Schema.safeParse(raw);
  if (v1.success) return { record: { ...v1.data, schemaVersion: STORE_SCHEMA_VERSION, orphans: [], sources: {} } };
  return { error: `not a valid article record (${current.error.issues[0]?.message})` };
}

/**
 * Reads the index of any known version from `unknown`. A version 1 index has no paths: they are
 * rebuilt from the records it names (`sourcePathOf`, null when a record cannot be read), later
 * files winning, so an article annotated before the upgrade is still found at its path.
 */
export function parseIndex(raw: unknown, sourcePathOf: (articleId: string) => string | null): { index: StoreIndex } | { error: string } {
  const current = IndexSchema.safeParse(raw);
  if (current.success) return { index: current.data };
  const v1 = IndexV1Schema.safeParse(raw);
  if (!v1.success) return { error: `not a valid index (${current.error.issues[0]?.message})` };
  const paths: Record<string, string> = {};
  for (const id of new Set(Object.values(v1.data.files))) {
    const path = sourcePathOf(id);
    if (path) paths[path] = id;
  }
  return { index: { schemaVersion: STORE_SCHEMA_VERSION, files: v1.data.files, paths } };
}
