import { toAnnotatedEntry } from './annotated-json.js';
import type { ExportRecord } from './interchange.js';

/** The CSV header: offsets in both units, `*CodePoint` in Unicode code points, the others in UTF-16 code units. */
export const CSV_COLUMNS = [
  'article title',
  'article path',
  'id',
  'type',
  'exact',
  'start',
  'end',
  'startCodePoint',
  'endCodePoint',
  'note',
  'attributed to',
  'attributed to id',
  'created',
  'orphan',
] as const;

/**
 * The rows of the CSV export (header first): one row per annotation, placed ones by position then
 * orphans (whose offsets are empty), per article in the given order. `attributed to` is the
 * `exact` text of each annotation the row's links name, joined by ` | `, and `attributed to id`
 * their ids in the same order (sources with the same words told apart). Cells are strings; the
 * CSV text itself (RFC 4180 quoting, BOM, a `'` before cells a spreadsheet would run as formulas)
 * is written with csv-stringify in main (`app/main/exporters/export-records.ts`), since that
 * library needs Node's `Buffer`. Pure.
 */
export function csvRows(records: readonly ExportRecord[]): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const record of records) {
    const { article, annotations } = toAnnotatedEntry(record.article, record.annotations, record.orphans);
    const exactById = new Map(annotations.map((a) => [a.id, a.exact]));
    for (const a of annotations) {
      const offsets = a.orphan ? ['', '', '', ''] : [a.start, a.end, a.startCodePoint, a.endCodePoint].map(String);
      const attributed = a.links.map((l) => exactById.get(l.target) ?? l.target).join(' | ');
      const attributedIds = a.links.map((l) => l.target).join(' | ');
      rows.push([article.title, article.source.path, a.id, a.type, a.exact, ...offsets, a.note, attributed, attributedIds, a.created, a.orphan ? 'true' : 'false']);
    }
  }
  return rows;
}
