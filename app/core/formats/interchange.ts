import { z } from 'zod';
import type { Annotation, OrphanAnnotation } from '../annotation.js';
import type { Article } from '../article.js';

/** The export formats: annotated JSON, W3C Web Annotation JSON-LD, CSV, brat standoff. */
export const EXPORT_FORMATS = ['json', 'w3c', 'csv', 'brat'] as const;

/** One of `EXPORT_FORMATS`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An article with what is stored on it (annotations placed in its text, orphans), as every export format takes it. */
export interface ExportRecord {
  article: Article;
  annotations: readonly Annotation[];
  orphans: readonly OrphanAnnotation[];
}

/** What an export covers: the open article, or the library (the data directory): each file's current record, once. */
export const EXPORT_SCOPES = ['article', 'library'] as const;

/** One of `EXPORT_SCOPES`. */
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/**
 * What an import did: the articles it added annotations to, how many annotations it added
 * (`imported`) and how each was placed (`anchored` by position, quote or fuzzy quote; `orphans`
 * kept unplaced for review, listed in `orphaned` with the reason), how many it left out because
 * the article already holds their id (`duplicates`), and what it could not read or place in any
 * article (`skipped`, with the reason), and the attribution links it left out because they could
 * not hold (`droppedLinks`: annotation `id`'s link to `target`, with the reason) or read the other
 * way round (`reversedLinks`: `id` is now attributed to `target`), and what it stored otherwise
 * than the file has it (`changed`: a label of the file whose annotations took another label id
 * here, `id` the file's label id; an annotation whose note was cut to the limit, `id` the
 * annotation's), with the reason. `file` is the absolute path imported.
 */
export const ImportReportSchema = z.object({
  file: z.string(),
  articles: z.array(z.object({ id: z.string(), title: z.string() })),
  imported: z.number().int().nonnegative(),
  anchored: z.object({ position: z.number().int().nonnegative(), quote: z.number().int().nonnegative(), fuzzy: z.number().int().nonnegative() }),
  orphans: z.number().int().nonnegative(),
  orphaned: z.array(z.object({ id: z.string(), reason: z.string() })),
  duplicates: z.number().int().nonnegative(),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  droppedLinks: z.array(z.object({ id: z.string(), target: z.string(), reason: z.string() })),
  reversedLinks: z.array(z.object({ id: z.string(), target: z.string(), reason: z.string() })),
  changed: z.array(z.object({ id: z.string(), reason: z.string() })),
});

/** See `ImportReportSchema`. */
export type ImportReport = z.infer<typeof ImportReportSchema>;

/**
 * An import report in one line, as the CLI prints it and the app shows it: how many annotations
 * went into which articles (each title put in `quote`), how each was placed, how many kept as
 * orphans, already there (`duplicates`) and not read (`skipped`), then the links dropped and
 * turned round and what was stored changed when there are any. Starts lower-case, no final stop: the caller decides.
 */
export function importSummary(report: ImportReport, quote: (title: string) => string = (title) => `"${title}"`): string {
  const { imported, anchored, orphans, duplicates, skipped } = report;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const into = report.articles.map((a) => quote(a.title)).join(', ') || 'no article';
  const links = [
    report.droppedLinks.length > 0 ? `; ${plural(report.droppedLinks.length, 'link')} dropped` : '',
    report.reversedLinks.length > 0 ? `; ${plural(report.reversedLinks.length, 'link')} read the other way round` : '',
    report.changed.length > 0 ? `; ${plural(report.changed.length, 'label or note')} changed on the way in` : '',
  ].join('');
  return `imported ${plural(imported, 'annotation')} into ${into}: ${anchored.position} by position, ${anchored.quote} by quote, ${anchored.fuzzy} by fuzzy quote, ${orphans} kept as ${orphans === 1 ? 'orphan' : 'orphans'}; ${duplicates} already there; ${skipped.length} not read${links}`;
}
