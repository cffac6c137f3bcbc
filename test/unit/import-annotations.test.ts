import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import { importSummary } from '../../app/core/formats/interchange.js';
import type { Annotation } from '../../app/core/annotation.js';
import { exportText, type ExportFormat, type ExportRecord } from '../../app/main/exporters/export-records.js';
import { importFile } from '../../app/main/importers/index.js';
import { importAnnotations } from '../../app/main/interchange/import-annotations.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('import');
const FEE = 'Fee\u00A0increase: QUOTE here';

/** A repository over a data directory, as the app and the CLI open it. */
const repositoryAt = (dir: string) => new ArticleRepository(dir, confStoreFactory, 10);

/** The Fee article with QUOTE [14,19] (a quote with a note, attributed to the source `Fee`). */
async function feeRecord(): Promise<{ path: string; record: ExportRecord }> {
  const path = temp.write('fee.txt', FEE);
  const article = await importFile(path);
  const make = (id: string, type: Annotation['type'], start: number, end: number, extra: Partial<Annotation> = {}): Annotation => ({
    id, type, target: describe(article.text, start, end), note: '', links: [], created: '2026-01-01T09:00:00.000Z', modified: '2026-01-01T09:30:00.000Z', ...extra,
  });
  const quote = make('7f8e2c1a-0000-4000-8000-000000000001', 'quote', 14, 19, { note: 'said at the "hearing"', links: [{ type: 'attributedTo', target: '7f8e2c1a-0000-4000-8000-000000000002' }] });
  const source = make('7f8e2c1a-0000-4000-8000-000000000002', 'source', 0, 3);
  expect(article.text.slice(14, 19)).toBe('QUOTE');
  return { path, record: { article, annotations: [quote, source], orphans: [] } };
}

/** Everything but the export time, which is the one thing allowed to differ. */
const withoutTime = (text: string) => text.replace(/"(exported|generated)": "[^"]*"/g, '"$1": "T"');

suite('round trip: export, import into an empty data directory, export again', () => {
  it.each(['json', 'w3c'] as const)('%s: the same annotations byte for byte apart from the export time', async (format: ExportFormat) => {
    const { path, record } = await feeRecord();
    const first = exportText([record], format as 'json' | 'w3c', GOLDEN_META);
    const file = temp.write(`fee.${format}`, first);
    const dataDir = temp.dir(`empty-${format}`);
    const repository = repositoryAt(dataDir);
    // W3C carries no text: the article is given (opened) first; annotated JSON carries it.
    if (format === 'w3c') await openArticle(repository, path);
    const report = await importAnnotations(repository, file, { now: '2026-02-02T00:00:00.000Z' });
    expect(report).toMatchObject({ imported: 2, anchored: { position: 2, quote: 0, fuzzy: 0 }, orphans: 0, duplicates: 0, skipped: [] });
    repository.flush();
    // A fresh repository reads what was written to disk.
    const stored = repositoryAt(dataDir).get(record.article.id)!;
    const second = exportText([stored], format as 'json' | 'w3c', { ...GOLDEN_META, exported: '2026-03-03T00:00:00.000Z' });
    expect(withoutTime(second)).toBe(withoutTime(first));
    expect(second).not.toBe(first);
  });

  it('importing the same file twice adds nothing: every id is a duplicate', async () => {
    const { record } = await feeRecord();
    const file = temp.write('twice.json', exportText([record], 'json', GOLDEN_META));
    const repository = repositoryAt(temp.dir('twice'));
    await importAnnotations(repository, file);
    const again = await importAnnotations(repository, file);
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect(repository.get(record.article.id)!.annotations).toHaveLength(2);
  });

  it('a library export imports every article', async () => {
    const { record } = await feeRecord();
    const other = await importFile(temp.write('other.txt', 'Another text entirely.'));
    const file = temp.write('library.json', exportText([record, { article: other, annotations: [], orphans: [] }], 'json', GOLDEN_META));
    const repository = repositoryAt(temp.dir('library'));
    const report = await importAnnotations(repository, file);
    expect(report.articles.map((a) => a.id)).toEqual([record.article.id, other.id]);
    expect(report.imported).toBe(2);
    expect(repository.get(other.id)!.article.text).toBe('Another text entirely.');
  });
});

/** A W3C annotation with only a TextQuoteSelector, its target another tool's URL. */
function quoteOnly(id: string, exact: string, prefix: string): object {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    motivation: 'classifying',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
    target: { source: 'https://news.example.invalid/story', selector: { type: 'TextQuoteSelector', exact, prefix } },
  };
}

suite("an export's claim about its article's file never decides what a file here shows", () => {
  /** An annotated JSON export of `text` (one quote, QUOTE) whose article says it was read from the file `path` with bytes `fileSha256`. */
  async function exportClaiming(name: string, text: string, path: string, fileSha256: string): Promise<{ file: string; id: string; quoteId: string }> {
    const article = await importFile(temp.write(`${name}-source.txt`, text));
    const start = article.text.indexOf('QUOTE');
    const quote: Annotation = { id: `0c0ffee0-0000-4000-8000-00000000000${name.length}`, type: 'quote', target: describe(article.text, start, start + 5), note: 'from a colleague', links: [], created: '2026-01-01T09:00:00.000Z', modified: '2026-01-01T09:00:00.000Z' };
    const claimed = { ...article, source: { ...article.source, path, sha256: fileSha256 } };
    return { file: temp.write(`${name}.json`, exportText([{ article: claimed, annotations: [quote], orphans: [] }], 'json', GOLDEN_META)), id: article.id, quoteId: quote.id };
  }

  it('an export of the same bytes read otherwise goes to the article read here, and the file still opens as read here', async () => {
    const repository = repositoryAt(temp.dir('same-bytes'));
    const path = temp.write('own.txt', FEE);
    const own = (await openArticle(repository, path)).article;
    // Another reading of the same bytes (another version of Attest keeping no no-break space, or
    // a made-up text): the same path and SHA-256.
    const other = await exportClaiming('same', 'Fee increase: QUOTE here', path, own.source.sha256);
    expect(other.id).not.toBe(own.id);

    const report = await importAnnotations(repository, other.file);
    expect(report.articles.map((a) => a.id)).toEqual([own.id]);
    expect(report).toMatchObject({ imported: 1, anchored: { position: 1, quote: 0, fuzzy: 0 }, orphans: 0 });
    expect(repository.get(other.id)).toBeNull();
    expect(repository.articleIdForPath(path)).toBe(own.id);

    const reopened = await openArticle(repository, path);
    expect(reopened.article.text).toBe(FEE);
    const placed = reopened.annotations.find((a) => a.id === other.quoteId)!;
    expect(reopened.article.text.slice(placed.target.position.start, placed.target.position.end)).toBe(placed.target.quote.exact);
    expect(placed.target.quote.exact).toBe('QUOTE');
  });

  it('an export naming a file here with other bytes is stored apart: the file keeps its own article', async () => {
    const repository = repositoryAt(temp.dir('other-bytes'));
    const path = temp.write('mine.txt', FEE);
    const own = (await openArticle(repository, path)).article;
    const other = await exportClaiming('otherbytes', 'A different text with a QUOTE in it', path, 'f'.repeat(64));

    const report = await importAnnotations(repository, other.file);
    expect(report.articles.map((a) => a.id)).toEqual([other.id]);
    expect(repository.get(other.id)!.annotations.map((a) => a.id)).toEqual([other.quoteId]);
    expect(repository.articleIdForPath(path)).toBe(own.id);
    expect(repository.articleIdForFile('f'.repeat(64))).toBeNull();
    const reopened = await openArticle(repository, path);
    expect(reopened.article.id).toBe(own.id);
    expect(reopened.article.text).toBe(FEE);
  });
});

suite('W3C files from other tools', () => {
  const TEXT = 'The minister said taxes will rise. The opposition said taxes will rise.';

  it('a quote that occurs twice lands on the occurrence its prefix tells', async () => {
    const path = temp.write('twice.txt', TEXT);
    const repository = repositoryAt(temp.dir('twice-quote'));
    const { article } = await openArticle(repository, path);
    const file = temp.write('model.jsonld', JSON.stringify([quoteOnly('urn:uuid:00000000-0000-4000-8000-00000000000a', 'taxes will rise', 'opposition said ')]));
    const report = await importAnnotations(repository, file, { articleId: article.id });
    expect(report).toMatchObject({ imported: 1, anchored: { position: 0, quote: 1, fuzzy: 0 }, orphans: 0 });
    const [placed] = repository.get(article.id)!.annotations;
    expect(placed.target.position).toEqual({ type: 'TextPositionSelector', start: TEXT.lastIndexOf('taxes will rise'), end: TEXT.lastIndexOf('taxes will rise') + 15 });
    expect(TEXT.indexOf('taxes will rise')).not.toBe(placed.target.position.start);
    expect(placed).toMatchObject({ id: '00000000-0000-4000-8000-00000000000a', type: 'claim' });
  });

  it('a quote that is not in the article is reported and kept as an orphan', async () => {
    const path = temp.write('absent.txt', TEXT);
    const repository = repositoryAt(temp.dir('absent-quote'));
    const { article } = await openArticle(repository, path);
    const file = temp.write('absent.jsonld', JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [quoteOnly('urn:uuid:00000000-0000-4000-8000-00000000000b', 'prices will fall sharply next spring', '')] } }));
    const report = await importAnnotations(repository, file, { articleId: article.id });
    expect(report).toMatchObject({ imported: 1, orphans: 1, anchored: { position: 0, quote: 0, fuzzy: 0 } });
    expect(report.orphaned).toEqual([{ id: '00000000-0000-4000-8000-00000000000b', reason: expect.stringMatching(/./) }]);
    const record = repository.get(article.id)!;
    expect(record.annotations).toEqual([]);
    expect(record.orphans).toMatchObject([{ id: '00000000-0000-4000-8000-00000000000b', target: { quote: { exact: 'prices will fall sharply next spring' } } }]);
  });

  it('a TextPositionSelector in code points (no Attest terms) is converted to UTF-16 after an emoji', async () => {
    const repository = repositoryAt(temp.dir('code-points'));
    const { article } = await openArticle(repository, temp.write('emoji-cp.txt', 'Wow 😀 the CLAIM stands'));
    const doc = { type: 'Annotation', id: 'p1', body: { purpose: 'tagging', type: 'TextualBody', value: 'quote' }, target: { source: `urn:sha256:${article.id}`, selector: { type: 'TextPositionSelector', start: 10, end: 15 } } };
    const report = await importAnnotations(repository, temp.write('cp.jsonld', JSON.stringify(doc)));
    expect(report).toMatchObject({ imported: 1, anchored: { position: 1 } });
    expect(repository.get(article.id)!.annotations[0].target).toMatchObject({ position: { start: 11, end: 16 }, quote: { exact: 'CLAIM' } });
  });

  it('a malformed escape in a label or annotation IRI skips that item, not the whole file', async () => {
    const path = temp.write('escapes.txt', TEXT);
    const repository = repositoryAt(temp.dir('escapes'));
    const { article } = await openArticle(repository, path);
    const bad = { ...quoteOnly('urn:attest:annotation:%E0%A4%A', 'taxes will rise', 'opposition said '), body: { type: 'SpecificResource', purpose: 'classifying', source: 'https://attest.invalid/labels/%zz' } };
    const good = quoteOnly('urn:uuid:00000000-0000-4000-8000-00000000000c', 'taxes will rise', 'opposition said ');
    const report = await importAnnotations(repository, temp.write('escapes.jsonld', JSON.stringify([bad, good])), { articleId: article.id });
    expect(report).toMatchObject({ imported: 1, skipped: [{ id: 'urn:attest:annotation:%E0%A4%A', reason: 'no body names one of the labels' }] });
    expect(repository.get(article.id)!.annotations.map((a) => a.id)).toEqual(['00000000-0000-4000-8000-00000000000c']);
  });

  it("a body's role falls back to the motivation, and a body may be an IRI (Web Annotation Data Model, 3.1 and 3.3.5)", async () => {
    const path = temp.write('roles.txt', TEXT);
    const repository = repositoryAt(temp.dir('roles'));
    const { article } = await openArticle(repository, path);
    const at = (exact: string) => ({ source: 'http://news.example/taxes', selector: { type: 'TextQuoteSelector', exact } });
    const docs = [
      // A tag without a purpose: the motivation says it is one; matched by name, any case.
      { id: 'http://other.example/a/1', type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', value: 'CLAIM', format: 'text/plain' }, target: at('The minister') },
      // Attest's label IRI as the body itself.
      { id: 'http://other.example/a/2', type: 'Annotation', motivation: 'classifying', body: 'https://attest.invalid/labels/source', target: at('The opposition') },
      // A list of motivations; the comment without a purpose is the note, the IRI body the label.
      { id: 'http://other.example/a/3', type: 'Annotation', motivation: ['classifying', 'commenting'], body: ['https://attest.invalid/labels/quote', { type: 'TextualBody', value: 'checked by phone' }], target: at('rise. The') },
      // Another IRI, and a purpose that is not a tag, name no label even when the text matches one.
      { id: 'http://other.example/a/4', type: 'Annotation', motivation: 'tagging', body: 'http://vocab.example/claim', target: at('minister said') },
      { id: 'http://other.example/a/5', type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', purpose: 'describing', value: 'claim' }, target: at('said taxes') },
      // No motivation and no purpose: a text alone names no label.
      { id: 'http://other.example/a/6', type: 'Annotation', body: { type: 'TextualBody', value: 'claim' }, target: at('opposition said') },
    ];
    const report = await importAnnotations(repository, temp.write('roles.jsonld', JSON.stringify(docs)), { articleId: article.id });
    expect(report).toMatchObject({ imported: 3, orphans: 0 });
    expect(report.skipped).toEqual(['4', '5', '6'].map((n) => ({ id: `http://other.example/a/${n}`, reason: 'no body names one of the labels' })));
    const placed = repository.get(article.id)!.annotations.map((a) => [a.id, a.type, a.note, TEXT.slice(a.target.position.start, a.target.position.end), a.target.quote.exact]);
    expect(placed).toEqual([
      ['http://other.example/a/1', 'claim', '', 'The minister', 'The minister'],
      ['http://other.example/a/2', 'source', '', 'The opposition', 'The opposition'],
      ['http://other.example/a/3', 'quote', 'checked by phone', 'rise. The', 'rise. The'],
    ]);
  });

  it('without an article to go to, annotations are skipped with the reason', async () => {
    const repository = repositoryAt(temp.dir('nowhere'));
    const file = temp.write('nowhere.jsonld', JSON.stringify(quoteOnly('x1', 'taxes', '')));
    const report = await importAnnotations(repository, file);
    expect(report.imported).toBe(0);
    expect(report.skipped).toEqual([{ id: 'x1', reason: 'the target names no article of the library (name the article to import into)' }]);
  });
});

suite('import reads strict UTF-8 and says what is wrong', () => {
  it.each([
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), /^bad\.json: not UTF-8/],
    ['not JSON', 'hello', /^bad\.json: not JSON/],
    ['another JSON', '{"a":1}', /^bad\.json: neither an Attest export nor W3C Web Annotation JSON$/],
    ['an export of a newer version', '{"format":"attest.annotated-article","version":2}', /^bad\.json: an Attest export of format version 2, made by a newer Attest; this one reads version 1: update Attest to open it$/],
    ['a library export of a newer version', '{"format":"attest.annotated-library","version":3,"articles":[]}', /^bad\.json: an Attest export of format version 3, made by a newer Attest/],
  ])('%s', async (_case, bytes, message) => {
    const file = temp.write('bad.json', bytes);
    await expect(importAnnotations(repositoryAt(temp.dir('bad')), file)).rejects.toThrow(message);
  });

  it('an empty list of W3C annotations imports nothing, and says so', async () => {
    const report = await importAnnotations(repositoryAt(temp.dir('empty-list')), temp.write('empty.jsonld', '[]'));
    expect(report).toMatchObject({ imported: 0, articles: [], skipped: [] });
  });

  it('a missing file', async () => {
    await expect(importAnnotations(repositoryAt(temp.dir('missing')), join(temp.root, 'gone.json'))).rejects.toThrow(/^gone\.json: no such file$/);
  });

  it('writes through the repository: the record on disk holds the annotations', async () => {
    const { record } = await feeRecord();
    const file = temp.write('ok.json', exportText([record], 'json', GOLDEN_META));
    const dir = temp.dir('ok');
    const repository = repositoryAt(dir);
    await importAnnotations(repository, file);
    repository.flush();
    const raw = JSON.parse(readFileSync(join(dir, 'articles', `${record.article.id}.json`), 'utf8'));
    expect(raw.annotations).toHaveLength(2);
  });
});

suite('the import summary', () => {
  it('says the same to the CLI and the app, counts in the singular or the plural, and quotes titles as asked', () => {
    const report = { file: '/x.jsonld', articles: [{ id: 'a', title: 'Fee' }, { id: 'b', title: 'Tax' }], imported: 1, anchored: { position: 0, quote: 1, fuzzy: 0 }, orphans: 1, orphaned: [{ id: 'o', reason: 'r' }], duplicates: 2, skipped: [], droppedLinks: [], reversedLinks: [], changed: [] };
    expect(importSummary(report)).toBe('imported 1 annotation into "Fee", "Tax": 0 by position, 1 by quote, 0 by fuzzy quote, 1 kept as orphan; 2 already there; 0 not read');
    expect(importSummary({ ...report, articles: [], imported: 3, orphans: 0 }, (t) => `“${t}”`)).toBe('imported 3 annotations into no article: 0 by position, 1 by quote, 0 by fuzzy quote, 0 kept as orphans; 2 already there; 0 not read');
    expect(importSummary({ ...report, articles: [{ id: 'a', title: 'Fee' }] }, (t) => `“${t}”`)).toContain('into “Fee”:');
  });
});
