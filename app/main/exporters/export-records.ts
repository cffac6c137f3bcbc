import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { toAnnotatedJson, toAnnotatedLibrary, type ExportMeta } from '../../core/formats/annotated-json.js';
import { bratConfig, toBrat } from '../../core/formats/brat-standoff.js';
import { csvRows } from '../../core/formats/csv-rows.js';
import type { ExportFormat, ExportRecord } from '../../core/formats/interchange.js';
import { toW3cCollection } from '../../core/formats/w3c-annotation.js';
import type { ExportLabel } from '../../core/formats/labels.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { exportError } from './export-error.js';
import type { ArticleRepository } from '../library/article-repository.js';

export { EXPORT_FORMATS, type ExportFormat, type ExportRecord } from '../../core/formats/interchange.js';

/** The label set of `repository` as exports describe it (id, name, colour), built-ins first. */
export function exportLabels(repository: ArticleRepository): ExportLabel[] {
  return repository.labels.all().map(({ id, name, colour }) => ({ id, name, colour }));
}

/** The file name (or, for brat, folder name) an export of `records` is suggested under. */
export function exportFileName(records: readonly ExportRecord[], format: ExportFormat): string {
  const title = records.length === 1 ? records[0].article.title : 'Attest library';
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'article';
  return { json: `${cleaned}.attest.json`, w3c: `${cleaned}.annotations.jsonld`, csv: `${cleaned}.csv`, brat: `${cleaned}.brat` }[format];
}

/**
 * csv-stringify's options for the CSV export: a byte-order mark, CRLF record ends, and RFC 4180
 * quoting of every field holding a comma, a double quote, CR or LF (`quote_record_delimiter`:
 * without it csv-stringify quotes only fields holding the CRLF record delimiter itself, and a
 * bare LF inside a multi-line span or note would end the record for spreadsheets). Cells starting
 * with `=`, `+`, `-`, `@`, tab or CR (or the full-width `＝＋－＠`) get a leading `'`
 * (`escape_formulas`, as OWASP's CSV injection advice says), so a spreadsheet shows a hostile
 * title, quote or note as text instead of running it. Every cell of `csvRows` is text; the
 * offsets are digits and never start with one of those.
 */
const CSV_OPTIONS = { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true } as const;

/**
 * The text of a one-file export (`json`, `w3c`, `csv`), UTF-8 as JavaScript strings go to files:
 * JSON with two-space indent and a final LF (one article: an annotated-article export; several or
 * none: a library export); CSV with a byte-order mark, CRLF record ends, RFC 4180 quoting
 * and formula-looking cells prefixed with `'` (csv-stringify, `CSV_OPTIONS`); JSON keeps every text as it is.
 */
export function exportText(records: readonly ExportRecord[], format: Exclude<ExportFormat, 'brat'>, meta: ExportMeta): string {
  if (format === 'csv') return stringify(csvRows(records), CSV_OPTIONS);
  const json = format === 'w3c' ? toW3cCollection(records, meta) : records.length === 1 ? toAnnotatedJson(records[0].article, records[0].annotations, meta, records[0].orphans) : toAnnotatedLibrary(records, meta);
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * Writes the export of `records` in `format` at `path`: one file, or for brat a folder holding
 * one `<article id>.txt`/`.ann` pair per article and brat's `annotation.conf` and `visual.conf`
 * (created if missing). Files are written
 * atomically. Returns the paths written. Throws `ExportError` (the reason in words, naming `path`)
 * when the file system refuses; no temporary file is left behind.
 */
export async function writeExport(records: readonly ExportRecord[], format: ExportFormat, meta: ExportMeta, path: string): Promise<string[]> {
  if (format !== 'brat') {
    const text = exportText(records, format, meta);
    await writeFileAtomic(path, text).catch((error: unknown) => {
      throw exportError(path, error);
    });
    return [path];
  }
  try {
    return await writeBrat(records, meta, path);
  } catch (error) {
    throw exportError(path, error, 'folder');
  }
}

/** `writeExport` in brat's form: the folder `path` (created if missing) and its files. */
async function writeBrat(records: readonly ExportRecord[], meta: ExportMeta, path: string): Promise<string[]> {
  await mkdir(path, { recursive: true });
  const { annotationConf, visualConf } = bratConfig(meta.labels);
  await writeFileAtomic(join(path, 'annotation.conf'), annotationConf);
  await writeFileAtomic(join(path, 'visual.conf'), visualConf);
  const written: string[] = [join(path, 'annotation.conf'), join(path, 'visual.conf')];
  for (const r of records) {
    const { txt, ann } = toBrat(r.article, r.annotations, r.orphans);
    const base = join(path, r.article.id);
    await writeFileAtomic(`${base}.txt`, txt);
    await writeFileAtomic(`${base}.ann`, ann);
    written.push(`${base}.txt`, `${base}.ann`);
  }
  return written;
}
