import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe as suite, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../app/core/formats/csv-rows.js';
import { setup, tempDir } from '../support/handler-app.js';

/** Exports `articleId` through `article:export` in `format` to a temp path; returns the path. */
async function exportTo(app: ReturnType<typeof setup>, articleId: string, format: string, name: string): Promise<string> {
  const out = join(tempDir('out'), name);
  app.answers.save.push(out);
  expect(await app.ok('article:export', { articleId, format, scope: 'article' })).toEqual({ path: out });
  return out;
}

/**
 * The CSV at `path` read back by csv-parse as spreadsheets read it: CRLF, LF or CR outside quotes
 * ends a record (csv-parse would otherwise take the first record's delimiter as the only one).
 */
function readCsv(path: string): string[][] {
  return parse(readFileSync(path), { bom: true, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
}

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

suite('CSV export: RFC 4180 quoting of line breaks', () => {
  it('a span over a paragraph break and notes holding LF or CR stay one record each, their text byte for byte', async () => {
    const app = setup();
    const file = join(tempDir('two'), 'two.txt');
    writeFileSync(file, 'First paragraph ends with a claim.\n\nSecond paragraph starts here and goes on.\n');
    const { article } = await app.ok('article:open-dropped', { path: file });
    const start = article.text.indexOf('a claim.');
    const span = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start, end: article.text.indexOf(' starts') });
    expect(span.target.quote.exact).toBe('a claim.\n\nSecond paragraph');
    await app.ok('annotation:update', { articleId: article.id, id: span.id, patch: { note: 'first line\nsecond line' } });
    const word = article.text.indexOf('goes');
    const other = await app.ok('annotation:create', { articleId: article.id, type: 'source', start: word, end: word + 4 });
    await app.ok('annotation:update', { articleId: article.id, id: other.id, patch: { note: 'a lone\rcarriage return' } });

    const rows = readCsv(await exportTo(app, article.id, 'csv', 'two.csv'));
    expect(rows.map((r) => r.length)).toEqual([13, 13, 13]);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const byId = new Map(rows.slice(1).map((r) => [r[column('id')], r]));
    expect(byId.get(span.id)![column('exact')]).toBe('a claim.\n\nSecond paragraph');
    expect(byId.get(span.id)![column('note')]).toBe('first line\nsecond line');
    expect(byId.get(other.id)![column('exact')]).toBe('goes');
    expect(byId.get(other.id)![column('note')]).toBe('a lone\rcarriage return');
    const row = byId.get(span.id)!;
    expect(article.text.slice(Number(row[column('start')]), Number(row[column('end')]))).toBe('a claim.\n\nSecond paragraph');
  });
});
