import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import { exportText } from '../../app/main/exporters/export-records.js';
import { importFile } from '../../app/main/importers/index.js';
import { importAnnotations } from '../../app/main/interchange/import-annotations.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('w3c-target');
const repositoryAt = (dir: string) => new ArticleRepository(dir, confStoreFactory, 10);
const OPEN_TEXT = 'The open article speaks of harbours and tides.';
const OTHER_TEXT = 'Another article entirely: the council voted on Tuesday.';
const ID = '3c0a0000-0000-4000-8000-000000000001';

/** A W3C export of the other article with one claim on "the council voted", and that article's id. */
async function otherExport(): Promise<{ file: string; otherPath: string; otherId: string }> {
  const otherPath = temp.write('other.txt', OTHER_TEXT);
  const article = await importFile(otherPath);
  const start = OTHER_TEXT.indexOf('the council voted');
  const claim = { id: ID, type: 'claim', target: describe(OTHER_TEXT, start, start + 17), note: '', links: [], created: 'c', modified: 'm' };
  return { file: temp.write('other.jsonld', exportText([{ article, annotations: [claim], orphans: [] }], 'w3c', GOLDEN_META)), otherPath, otherId: article.id };
}

suite('a W3C item whose target names another article', () => {
  it('is skipped with the reason when that article is not in the library, never put in the open one', async () => {
    const { file, otherId } = await otherExport();
    const repository = repositoryAt(temp.dir('absent'));
    const { article } = await openArticle(repository, temp.write('open.txt', OPEN_TEXT));
    const report = await importAnnotations(repository, file, { articleId: article.id });
    expect(report).toMatchObject({ imported: 0, orphans: 0, articles: [] });
    expect(report.skipped).toEqual([{ id: ID, reason: `its target is another article (urn:sha256:${otherId}), not in the library` }]);
    expect(repository.get(article.id)!).toMatchObject({ annotations: [], orphans: [] });
  });

  it('goes to that article when the library holds it, whichever article is open', async () => {
    const { file, otherPath, otherId } = await otherExport();
    const repository = repositoryAt(temp.dir('stored'));
    await openArticle(repository, otherPath);
    const { article } = await openArticle(repository, temp.write('open2.txt', OPEN_TEXT));
    const report = await importAnnotations(repository, file, { articleId: article.id });
    expect(report).toMatchObject({ imported: 1, anchored: { position: 1 }, skipped: [], articles: [{ id: otherId }] });
    expect(repository.get(otherId)!.annotations.map((a) => a.id)).toEqual([ID]);
    expect(repository.get(article.id)!.orphans).toEqual([]);
  });

  it('a target without an article identity (another tool, a URL) still goes to the open article', async () => {
    const repository = repositoryAt(temp.dir('url'));
    const { article } = await openArticle(repository, temp.write('open3.txt', OPEN_TEXT));
    const doc = { type: 'Annotation', id: 'urn:uuid:' + ID, body: { purpose: 'tagging', type: 'TextualBody', value: 'claim' }, target: { source: 'https://news.example.invalid/harbours', selector: { type: 'TextQuoteSelector', exact: 'harbours and tides' } } };
    const report = await importAnnotations(repository, temp.write('url.jsonld', JSON.stringify(doc)), { articleId: article.id });
    expect(report).toMatchObject({ imported: 1, anchored: { quote: 1 } });
    expect(repository.get(article.id)!.annotations.map((a) => a.id)).toEqual([ID]);
  });
});
