import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { exportText, writeExport } from '../../app/main/exporters/export-records.js';
import { exportProblems } from '../support/check-export.js';
import { GOLDEN_META, interchangeRecord } from '../support/interchange-fixture.js';
import { tempRoot } from '../support/temp.js';

// Goldens are rewritten only with ATTEST_UPDATE_GOLDEN=1 (see test/fixtures/README.md).
const UPDATE = process.env.ATTEST_UPDATE_GOLDEN === '1';
const goldenDir = join(import.meta.dirname, '../fixtures/golden');
const temp = tempRoot('golden');

/** Compares `bytes` with the golden file `name` byte for byte (or writes it when updating). */
function expectGolden(name: string, bytes: Buffer): void {
  const path = join(goldenDir, name);
  if (UPDATE) writeFileSync(path, bytes);
  expect(existsSync(path), `${name} is missing: run with ATTEST_UPDATE_GOLDEN=1`).toBe(true);
  const golden = readFileSync(path);
  expect(bytes.toString('utf8')).toBe(golden.toString('utf8'));
  expect(bytes.equals(golden)).toBe(true);
}

suite('golden exports of interchange-crlf.txt (overlaps, emoji, CRLF source, note, attribution, orphan)', () => {
  it('the fixture is what the goldens claim: CRLF became LF, the emoji is one code point and two code units', async () => {
    const { article, annotations } = await interchangeRecord();
    expect(article.text).toBe('Council votes on fare rise\n\nThe mayor said "fares will rise 🚆 by 5%" on Monday,\naccording to the budget office.');
    for (const a of annotations) expect(article.text.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
  });

  it.each(['json', 'w3c', 'csv'] as const)('%s', async (format) => {
    const record = await interchangeRecord();
    const out = join(temp.dir(format), `export.${format}`);
    await writeExport([record], format, GOLDEN_META, out);
    expectGolden(`interchange.${format === 'w3c' ? 'jsonld' : format}`, readFileSync(out));
    if (format === 'json') expect(exportProblems(JSON.parse(readFileSync(out, 'utf8')))).toEqual([]);
  });

  it('json library export (two articles) is valid against the library schema', async () => {
    const record = await interchangeRecord();
    const other = { ...record, article: { ...record.article, id: 'f'.repeat(64), title: 'Copy' }, orphans: [] };
    const json = JSON.parse(exportText([record, other], 'json', GOLDEN_META));
    expect(json.format).toBe('attest.annotated-library');
    expect(json.articles.map((e: { article: { title: string } }) => e.article.title)).toEqual([record.article.title, 'Copy']);
    expect(exportProblems(json)).toEqual([]);
    expectGolden('library.json', Buffer.from(exportText([record, other], 'json', GOLDEN_META)));
  });

  it('brat: a folder with <article id>.txt and .ann, and the configuration', async () => {
    const record = await interchangeRecord();
    const out = temp.dir('brat');
    await writeExport([record], 'brat', GOLDEN_META, out);
    expect(readdirSync(out).sort()).toEqual([`${record.article.id}.ann`, `${record.article.id}.txt`, 'annotation.conf', 'visual.conf']);
    expectGolden('annotation.conf', readFileSync(join(out, 'annotation.conf')));
    expectGolden('visual.conf', readFileSync(join(out, 'visual.conf')));
    const txt = readFileSync(join(out, `${record.article.id}.txt`));
    const ann = readFileSync(join(out, `${record.article.id}.ann`));
    expectGolden('interchange.txt', txt);
    expectGolden('interchange.ann', ann);
    // Every T line's fragments hold its text in code points of the .txt, with no newline inside.
    const chars = Array.from(txt.toString('utf8'));
    for (const line of ann.toString('utf8').split('\n').filter((l) => l.startsWith('T'))) {
      const [, typeAndSpans, shown] = line.split('\t');
      const spans = typeAndSpans.split(' ').slice(1).join(' ').split(';').map((s) => s.split(' ').map(Number));
      const parts = spans.map(([s, e]) => chars.slice(s, e).join(''));
      expect(parts.join(' ')).toBe(shown);
      for (const p of parts) expect(p).not.toContain('\n');
    }
  });
});
