import { z } from 'zod';

/**
 * Shapes of the library as main lists it to the renderer (IPC channel `library:list`): the
 * remembered folders (roots), every article file found under them with its metadata and counts
 * of annotations, and the recently opened files. Pure data, validated with zod like the rest of
 * the IPC contract (`ipc.ts`).
 */

/** How many annotations of each type an article has in the store. */
export const AnnotationCountsSchema = z.object({
  claim: z.number().int().nonnegative(),
  quote: z.number().int().nonnegative(),
  source: z.number().int().nonnegative(),
});

/** A library root: an absolute folder path, and why it cannot be read (`null` when it can). */
export const LibraryRootSchema = z.object({ path: z.string(), error: z.string().nullable() });

/**
 * An article file under a root: its absolute path, and either its article's id, title, site,
 * publication time (as the page states it) and annotation counts, or the import `error` naming
 * the file and the cause (then `articleId` is null, `title` the file name and the counts zero).
 */
export const LibraryEntrySchema = z.object({
  path: z.string(),
  root: z.string(),
  articleId: z.string().nullable(),
  title: z.string(),
  siteName: z.string().nullable(),
  publishedTime: z.string().nullable(),
  counts: AnnotationCountsSchema,
  error: z.string().nullable(),
});

/** A recently opened article file: absolute path, title, when it was opened (ISO 8601). */
export const RecentFileSchema = z.object({ path: z.string(), title: z.string(), opened: z.string() });

/**
 * The whole library: `revision` grows by one with every change main sees (a root added or
 * removed, a file added, changed or removed, an article opened), so a poller can tell news.
 */
export const LibraryListingSchema = z.object({
  revision: z.number().int().nonnegative(),
  roots: z.array(LibraryRootSchema),
  entries: z.array(LibraryEntrySchema),
  recent: z.array(RecentFileSchema),
});

/** Annotation counts by type. */
export type AnnotationCounts = z.infer<typeof AnnotationCountsSchema>;
/** A library root. */
export type LibraryRoot = z.infer<typeof LibraryRootSchema>;
/** An article file of the library. */
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;
/** A recently opened file. */
export type RecentFile = z.infer<typeof RecentFileSchema>;
/** The library as listed. */
export type LibraryListing = z.infer<typeof LibraryListingSchema>;
