import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { checkImportedLinks } from '../../app/core/formats/import-checks.js';
import { importSummary } from '../../app/core/formats/interchange.js';
import { reportLines } from '../../app/cli/interchange.js';
import { exportText } from '../../app/main/exporters/export-records.js';
import { importFile } from '../../app/main/importers/index.js';
import { importAnnotations } from '../../app/main/interchange/import-annotations.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('import-links');
const TEXT = 'The mayor said the bridge will open. The clerk said it will not. Critics doubt it.';
const repositoryAt = (dir: string) => new ArticleRepository(dir, confStoreFactory, 10);
const id = (n: number) => `11c00000-0000-4000-8000-00000000000${n}`;
const MAYOR = id(1), CLERK = id(2), OPEN = id(3), NOT = id(4), DOUBT = id(5), GONE = id(9);
const link = (target: string) => ({ type: 'attributedTo' as const, target });

/** The article with two sources and three quotes/claims, every link as given (not checked). */
async function record(links: Record<string, { type: 'attributedTo'; target: string }[]>) {
  const path = temp.write('bridge.txt', TEXT);
  const article = await importFile(path);
  const at = (n: string, type: string, exact: string): Annotation => {
    const start = TEXT.indexOf(exact);
    return { id: n, type, target: describe(TEXT, start, start + exact.length), note: '', links: links[n] ?? [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
  };
  const annotations = [at(MAYOR, 'source', 'The mayor'), at(CLERK, 'source', 'The clerk'), at(OPEN, 'quote', 'the bridge will open'), at(NOT, 'claim', 'it will not'), at(DOUBT, 'quote', 'Critics doubt it')];
  return { path, article, annotations };
}

const linksOf = (annotations: readonly { id: string; links: { target: string }[] }[]) => Object.fromEntries(annotations.map((a) => [a.id, a.links.map((l) => l.target)]));

suite('imported attribution links that cannot hold are dropped and reported', () => {
  it('Attest JSON: a missing target, a claim as target, two links, a linked source, a link to itself', async () => {
    const { article, annotations } = await record({
      [OPEN]: [link(GONE)],
      [NOT]: [link(DOUBT), link(MAYOR), link(CLERK)],
      [DOUBT]: [link(DOUBT)],
      [MAYOR]: [link(CLERK)],
    });
    const file = temp.write('bad-links.json', exportText([{ article, annotations, orphans: [] }], 'json', GOLDEN_META));
    const repository = repositoryAt(temp.dir('json'));
    const report = await importAnnotations(repository, file);
    expect(report.imported).toBe(5);
    expect(report.droppedLinks).toEqual([
      { id: MAYOR, target: CLERK, reason: 'a source cannot be attributed to a source (only a claim or a quote can)' },
      { id: OPEN, target: GONE, reason: `no annotation ${GONE} in this article` },
      { id: NOT, target: DOUBT, reason: `annotation ${DOUBT} is a quote, not a source` },
      { id: NOT, target: CLERK, reason: `an annotation is attributed to one source at most (kept ${MAYOR}, the first)` },
      { id: DOUBT, target: DOUBT, reason: 'an annotation cannot be attributed to itself' },
    ]);
    expect(linksOf(repository.get(article.id)!.annotations)).toEqual({ [MAYOR]: [], [CLERK]: [], [OPEN]: [], [NOT]: [MAYOR], [DOUBT]: [] });
    expect(importSummary(report)).toMatch(/; 0 not read; 5 links dropped$/);
    expect(reportLines(report)).toContain(`link     ${OPEN} -> ${GONE} dropped: no annotation ${GONE} in this article`);
    // What is stored exports as it is shown: no link points at nothing.
    const exported = JSON.parse(exportText([repository.get(article.id)!], 'json', GOLDEN_META));
    expect(exported.annotations.flatMap((a: { links: { target: string }[] }) => a.links.map((l) => l.target))).toEqual([MAYOR]);
  });

  it('a link to an annotation the article already holds is kept; to one refused is not', async () => {
    const { path, article, annotations } = await record({});
    const repository = repositoryAt(temp.dir('held'));
    await openArticle(repository, path);
    // The sources are stored first; then a file brings the quotes attributed to them.
    await importAnnotations(repository, temp.write('sources.json', exportText([{ article, annotations: annotations.slice(0, 2), orphans: [] }], 'json', GOLDEN_META)));
    const quotes = annotations.slice(2).map((a, i) => ({ ...a, links: [link(i === 0 ? MAYOR : GONE)] }));
    const report = await importAnnotations(repository, temp.write('quotes.json', exportText([{ article, annotations: quotes, orphans: [] }], 'json', GOLDEN_META)));
    expect(report.droppedLinks.map((l) => [l.id, l.target])).toEqual([[NOT, GONE], [DOUBT, GONE]]);
    expect(linksOf(repository.get(article.id)!.annotations)[OPEN]).toEqual([MAYOR]);
  });

  it('opening an export with Open stores the same checked links', async () => {
    const { article, annotations } = await record({ [OPEN]: [link(GONE)], [DOUBT]: [link(CLERK)] });
    const file = temp.write('open-links.json', exportText([{ article, annotations, orphans: [] }], 'json', GOLDEN_META));
    const opened = await openArticle(repositoryAt(temp.dir('open')), file);
    expect(linksOf(opened.annotations)).toMatchObject({ [OPEN]: [], [DOUBT]: [CLERK] });
  });

  it('W3C: a link written from the source to the quote is read the other way round; a link to no annotation is dropped', async () => {
    const { path, article, annotations } = await record({ [OPEN]: [link(MAYOR)], [DOUBT]: [link(CLERK)] });
    const doc = JSON.parse(exportText([{ article, annotations, orphans: [] }], 'w3c', GOLDEN_META));
    const linking = doc.first.items.filter((i: { motivation: string }) => i.motivation === 'linking');
    expect(linking).toHaveLength(2);
    linking[0].target.reverse();
    linking[1].target[1] = `urn:uuid:${GONE}`;
    const repository = repositoryAt(temp.dir('w3c'));
    await openArticle(repository, path);
    const report = await importAnnotations(repository, temp.write('odd.jsonld', JSON.stringify(doc)));
    expect(report.reversedLinks).toEqual([{ id: OPEN, target: MAYOR, reason: `the link was written from source ${MAYOR} to quote ${OPEN}: read as the quote attributed to the source` }]);
    expect(report.droppedLinks).toEqual([{ id: DOUBT, target: GONE, reason: `no annotation ${GONE} in this article` }]);
    expect(linksOf(repository.get(article.id)!.annotations)).toEqual({ [MAYOR]: [], [CLERK]: [], [OPEN]: [MAYOR], [NOT]: [], [DOUBT]: [] });
    expect(importSummary(report)).toMatch(/; 1 link dropped; 1 link read the other way round$/);
  });

  it('W3C: a linking annotation from an annotation not read is reported as not read', async () => {
    const { path, article, annotations } = await record({ [OPEN]: [link(MAYOR)] });
    const doc = JSON.parse(exportText([{ article, annotations, orphans: [] }], 'w3c', GOLDEN_META));
    const linking = doc.first.items.find((i: { motivation: string }) => i.motivation === 'linking');
    linking.target[0] = `urn:uuid:${GONE}`;
    const repository = repositoryAt(temp.dir('w3c-from'));
    await openArticle(repository, path);
    const report = await importAnnotations(repository, temp.write('from.jsonld', JSON.stringify(doc)));
    expect(report.skipped).toEqual([{ id: expect.any(String), reason: `a link from ${GONE}, which is not among the annotations read` }]);
  });
});

suite('checkImportedLinks', () => {
  it('does not turn round a source linked to another source, nor a link outside W3C', () => {
    const at = (n: string, type: string, links: string[] = []) => ({ id: n, type, links: links.map(link), target: { quote: { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' } }, note: '', created: '', modified: '', reason: 'r' });
    const incoming = [at(MAYOR, 'source', [OPEN]), at(OPEN, 'quote')];
    expect(checkImportedLinks(incoming, [], false).reversed).toEqual([]);
    expect(checkImportedLinks(incoming, [], true).records.map((r) => r.links)).toEqual([[], [link(MAYOR)]]);
    expect(checkImportedLinks([at(MAYOR, 'source', [CLERK]), at(CLERK, 'source')], [], true).reversed).toEqual([]);
  });
});
