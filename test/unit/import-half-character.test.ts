import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { exportText } from '../../app/main/exporters/export-records.js';
import { importFile } from '../../app/main/importers/index.js';
import { importAnnotations } from '../../app/main/interchange/import-annotations.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('half-char');
// The flag is two regional indicators, each a surrogate pair: UTF-16 [5, 9), pairs at 5 and 7.
const TEXT = 'Flag \u{1F1FA}\u{1F1E6} flies over the CLAIM here.';
const repositoryAt = (dir: string) => new ArticleRepository(dir, confStoreFactory, 10);
const ID = '5a1f0000-0000-4000-8000-000000000001';
const GOOD = '5a1f0000-0000-4000-8000-000000000002';

/** An annotated-JSON export of TEXT holding `annotations` as written (offsets not checked), and the article. */
async function exportWith(annotations: object[]): Promise<{ file: string; articleId: string }> {
  const article = await importFile(temp.write('flag.txt', TEXT));
  const json = JSON.parse(exportText([{ article, annotations: [], orphans: [] }], 'json', GOLDEN_META));
  json.annotations = annotations;
  return { file: temp.write(`flag-${annotations.length}-${Math.random()}.json`, JSON.stringify(json)), articleId: article.id };
}

/** An exported annotation of TEXT at UTF-16 [start, end), its quote whatever the text holds there (half a pair included). */
function exported(id: string, start: number, end: number): object {
  return { id, type: 'claim', orphan: false, start, end, startCodePoint: 0, endCodePoint: 0, exact: TEXT.slice(start, end), prefix: TEXT.slice(Math.max(0, start - 5), start), suffix: TEXT.slice(end, end + 5), note: '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
}

const CLAIM = TEXT.indexOf('CLAIM');

suite('an imported span inside a character (half a surrogate pair) is refused, never stored', () => {
  it('Attest JSON: a start inside the flag is skipped with the offset; the rest is imported and the library still exports', async () => {
    const { file, articleId } = await exportWith([exported(ID, 6, 12), exported(GOOD, CLAIM, CLAIM + 5)]);
    const repository = repositoryAt(temp.dir('json'));
    const report = await importAnnotations(repository, file);
    expect(report.skipped).toEqual([{ id: ID, reason: 'its start, UTF-16 offset 6, falls inside a character (between the two halves of a surrogate pair)' }]);
    expect(report).toMatchObject({ imported: 1, anchored: { position: 1 } });
    const record = repository.get(articleId)!;
    expect([...record.annotations, ...record.orphans].map((a) => a.id)).toEqual([GOOD]);
    expect(() => exportText([record], 'csv', GOLDEN_META)).not.toThrow();
  });

  it('Attest JSON: an end inside the flag, and an orphan whose quote ends with half a pair', async () => {
    const orphan = { ...exported('5a1f0000-0000-4000-8000-000000000003', 0, 6), orphan: true };
    delete (orphan as { start?: number }).start;
    const { file, articleId } = await exportWith([exported(ID, 0, 8), orphan]);
    const repository = repositoryAt(temp.dir('json-end'));
    const report = await importAnnotations(repository, file);
    expect(report.skipped).toEqual([
      { id: ID, reason: 'its end, UTF-16 offset 8, falls inside a character (between the two halves of a surrogate pair)' },
      { id: '5a1f0000-0000-4000-8000-000000000003', reason: 'its quote ends inside a character (with the first half of a surrogate pair)' },
    ]);
    expect(report.imported).toBe(0);
    expect(repository.get(articleId)!.annotations).toEqual([]);
    expect(repository.get(articleId)!.orphans).toEqual([]);
  });

  it('W3C: startUtf16 inside a pair, or a quote starting with half of one, is skipped', async () => {
    const repository = repositoryAt(temp.dir('w3c'));
    const { article } = await openArticle(repository, temp.write('flag-w3c.txt', TEXT));
    const item = (id: string, selector: object) => ({ type: 'Annotation', id: `urn:uuid:${id}`, body: { purpose: 'tagging', type: 'TextualBody', value: 'claim' }, target: { source: `urn:sha256:${article.id}`, selector } });
    const doc = [
      item(ID, { type: 'TextPositionSelector', start: 6, end: 10, startUtf16: 8, endUtf16: 14 }),
      item('5a1f0000-0000-4000-8000-000000000004', { type: 'TextQuoteSelector', exact: TEXT.slice(6, 12) }),
      item(GOOD, { type: 'TextQuoteSelector', exact: 'CLAIM' }),
    ];
    const report = await importAnnotations(repository, temp.write('flag.jsonld', JSON.stringify(doc)));
    expect(report.skipped).toEqual([
      { id: ID, reason: 'its start, UTF-16 offset 8, falls inside a character (between the two halves of a surrogate pair)' },
      { id: '5a1f0000-0000-4000-8000-000000000004', reason: 'its quote starts inside a character (with the second half of a surrogate pair)' },
    ]);
    expect(repository.get(article.id)!.annotations.map((a) => a.id)).toEqual([GOOD]);
  });

  it('opening such an export with Open stores its article without that annotation', async () => {
    const { file, articleId } = await exportWith([exported(ID, 6, 12), exported(GOOD, CLAIM, CLAIM + 5)]);
    const repository = repositoryAt(temp.dir('open'));
    const opened = await openArticle(repository, file);
    expect(opened.article.id).toBe(articleId);
    expect([...opened.annotations, ...opened.orphans].map((a) => a.id)).toEqual([GOOD]);
  });
});

suite('an export that meets such a span on disk names the article and the annotation', () => {
  it.each(['json', 'w3c', 'csv'] as const)('%s', async (format) => {
    const article = await importFile(temp.write('flag-export.txt', TEXT));
    const broken: Annotation = { id: ID, type: 'claim', target: { position: { type: 'TextPositionSelector', start: 6, end: 12 }, quote: { type: 'TextQuoteSelector', exact: TEXT.slice(6, 12), prefix: '', suffix: '' } }, note: '', links: [], created: 'c', modified: 'm' };
    const fine: Annotation = { id: GOOD, type: 'claim', target: describe(TEXT, CLAIM, CLAIM + 5), note: '', links: [], created: 'c', modified: 'm' };
    expect(() => exportText([{ article, annotations: [fine, broken], orphans: [] }], format, GOLDEN_META)).toThrow(
      `"flag-export" (article ${article.id}), annotation ${ID}: its start, UTF-16 offset 6, falls inside a character (between the two halves of a surrogate pair); delete the annotation in Attest and tag the span again`,
    );
  });
});
