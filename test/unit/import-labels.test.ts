import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation } from '../../app/core/annotation.js';
import type { ExportLabel } from '../../app/core/formats/labels.js';
import { exportText, type ExportRecord } from '../../app/main/exporters/export-records.js';
import { importFile } from '../../app/main/importers/index.js';
import { importAnnotations } from '../../app/main/interchange/import-annotations.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { tempRoot } from '../support/temp.js';

/**
 * Labels of an import (Attest JSON, W3C, an export opened with Open) are matched with the labels
 * here by id and name: a label here with the same id and another name never takes the file's
 * annotations (reviewer 10, items 3 and 4).
 */

const temp = tempRoot('import-labels');
const TEXT = 'The mayor said the budget was balanced. Critics disagreed.';
const repositoryAt = (dir: string) => new ArticleRepository(dir, confStoreFactory, 10);
const ID = (n: number) => `5a1b2c3d-0000-4000-8000-00000000000${n}`;

/** Machine A's labels: its own "disputed" is "Disputed ✓" in dark red. */
const A_LABELS: ExportLabel[] = [
  { id: 'claim', name: 'Claim', colour: '#a76b00' },
  { id: 'quote', name: 'Quote', colour: '#1565c0' },
  { id: 'source', name: 'Source', colour: '#2e7d32' },
  { id: 'disputed', name: 'Disputed ✓', colour: '#aa0000' },
];

/** Machine A's article with a "disputed" span and a claim, and the path of its text file. */
async function machineA(name: string): Promise<{ path: string; record: ExportRecord }> {
  const path = temp.write(`${name}.txt`, TEXT);
  const article = await importFile(path);
  const make = (n: number, type: string, exact: string): Annotation => {
    const start = article.text.indexOf(exact);
    return { id: ID(n), type, target: describe(article.text, start, start + exact.length), note: '', links: [], created: '2026-01-01T09:00:00.000Z', modified: '2026-01-01T09:00:00.000Z' };
  };
  return { path, record: { article, annotations: [make(1, 'disputed', 'the budget was balanced'), make(2, 'claim', 'Critics disagreed')], orphans: [] } };
}

/** Machine B: a label added as "Disputed" (id disputed), then renamed "Verified" (the id stays). */
function machineB(dir: string): ArticleRepository {
  const repository = repositoryAt(dir);
  expect(repository.labels.add({ name: 'Disputed', colour: '#00aa00', key: 'v' }).id).toBe('disputed');
  repository.labels.update('disputed', { name: 'Verified' });
  return repository;
}

const typesOf = (repository: ArticleRepository, articleId: string) => Object.fromEntries(repository.get(articleId)!.annotations.map((a) => [a.id, a.type]));
const custom = (repository: ArticleRepository) => repository.labels.all().filter((l) => !l.builtIn).map(({ id, name, colour, key }) => ({ id, name, colour, key }));

suite('an imported label is matched by id and name', () => {
  it('JSON import: A\'s "Disputed ✓" never becomes B\'s "Verified" of the same id; it is added under a new id, and the report says so', async () => {
    const { record } = await machineA('json');
    const file = temp.write('a.json', exportText([record], 'json', { ...GOLDEN_META, labels: A_LABELS }));
    const repository = machineB(temp.dir('b-json'));
    const report = await importAnnotations(repository, file);
    expect(report.imported).toBe(2);
    expect(custom(repository)).toEqual([
      { id: 'disputed', name: 'Verified', colour: '#00aa00', key: 'v' },
      { id: 'disputed-2', name: 'Disputed ✓', colour: '#aa0000', key: '' },
    ]);
    expect(typesOf(repository, record.article.id)).toEqual({ [ID(1)]: 'disputed-2', [ID(2)]: 'claim' });
    expect(report.changed).toEqual([
      { id: 'disputed', reason: 'label disputed is Verified here but Disputed ✓ in the file: Disputed ✓ was added as label disputed-2, and its annotations take it (not Verified)' },
    ]);
    // Importing again adds nothing and takes the label added the first time.
    const again = await importAnnotations(repository, file);
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    expect(custom(repository)).toHaveLength(2);
  });

  it('Open of an export (.json) takes the labels the same way', async () => {
    const { record } = await machineA('open');
    const file = temp.write('open-a.json', exportText([record], 'json', { ...GOLDEN_META, labels: A_LABELS }));
    const repository = machineB(temp.dir('b-open'));
    const opened = await openArticle(repository, file);
    expect(Object.fromEntries(opened.annotations.map((a) => [a.id, a.type]))).toEqual({ [ID(1)]: 'disputed-2', [ID(2)]: 'claim' });
    expect(repository.labels.get('disputed-2')).toMatchObject({ name: 'Disputed ✓', colour: '#aa0000' });
    expect(repository.labels.get('disputed')).toMatchObject({ name: 'Verified' });
    // Said as Import… says it, not done without a word.
    expect(opened.notice).toMatch(/^Opened with changes \(as Import… would report them\): label disputed is Verified here but Disputed ✓ in the file: .*disputed-2/);
  });

  it('a label here with the same name under another id takes the annotations (reported); the same id and name is simply that label; built-ins keep their ids', async () => {
    const { record } = await machineA('same-name');
    const repository = repositoryAt(temp.dir('b-same-name'));
    const verified = repository.labels.add({ name: 'Disputed ✓', colour: '#123456', key: '' }, 'checked');
    expect(verified.id).toBe('checked');
    const file = temp.write('same-name.json', exportText([record], 'json', { ...GOLDEN_META, labels: A_LABELS }));
    const report = await importAnnotations(repository, file);
    expect(typesOf(repository, record.article.id)).toEqual({ [ID(1)]: 'checked', [ID(2)]: 'claim' });
    expect(custom(repository)).toEqual([{ id: 'checked', name: 'Disputed ✓', colour: '#123456', key: '' }]);
    expect(report.changed).toEqual([{ id: 'disputed', reason: 'label disputed (Disputed ✓) of the file is the label Disputed ✓ here (checked): its annotations take it' }]);

    // Same id, same name (any case, any normal form): that label, nothing to report.
    const twin = repositoryAt(temp.dir('b-twin'));
    twin.labels.add({ name: 'DISPUTED \u2713', colour: '#654321', key: '' });
    const plain = await importAnnotations(twin, file);
    expect(typesOf(twin, record.article.id)).toEqual({ [ID(1)]: 'disputed', [ID(2)]: 'claim' });
    expect(plain.changed).toEqual([]);
  });

  it('Unicode look-alike ids: "Cafe" here and "Café" in the file both have the id cafe, and stay two labels', async () => {
    const { record } = await machineA('cafe');
    const cafeRecord = { ...record, annotations: record.annotations.map((a) => (a.type === 'disputed' ? { ...a, type: 'cafe' } : a)) };
    const repository = repositoryAt(temp.dir('b-cafe'));
    expect(repository.labels.add({ name: 'Cafe', colour: '#222222', key: '' }).id).toBe('cafe');
    const file = temp.write('cafe.json', exportText([cafeRecord], 'json', { ...GOLDEN_META, labels: [...A_LABELS.filter((l) => l.id !== 'disputed'), { id: 'cafe', name: 'Café', colour: '#333333' }] }));
    await importAnnotations(repository, file);
    expect(custom(repository)).toEqual([
      { id: 'cafe', name: 'Cafe', colour: '#222222', key: '' },
      { id: 'cafe-2', name: 'Café', colour: '#333333', key: '' },
    ]);
    expect(typesOf(repository, record.article.id)[ID(1)]).toBe('cafe-2');
  });
});

suite('labels no annotation uses', () => {
  it('an Attest export brings them too (Import… and Open); one that cannot be added is reported, refusing nothing', async () => {
    const { record } = await machineA('unused');
    const labels = [...A_LABELS, { id: 'figure', name: 'Figure', colour: '#0000aa' }, { id: 'claim-2', name: 'claim', colour: '#0000bb' }];
    const file = temp.write('unused.json', exportText([record], 'json', { ...GOLDEN_META, labels }));
    const repository = repositoryAt(temp.dir('unused'));
    const report = await importAnnotations(repository, file);
    expect(custom(repository)).toEqual([
      { id: 'disputed', name: 'Disputed ✓', colour: '#aa0000', key: '' },
      { id: 'figure', name: 'Figure', colour: '#0000aa', key: '' },
    ]);
    expect(report.imported).toBe(2);
    // Unused "claim" (claim-2) is the built-in Claim here: nothing to add, nothing to report.
    expect(report.changed).toEqual([]);
    // Past the 50 labels of one's own, an unused label is reported as not added; the annotations are stored.
    const full = repositoryAt(temp.dir('unused-full'));
    for (let i = 0; i < 50; i++) full.labels.add({ name: `L${i}`, colour: '#101010', key: '' });
    const disputedOnly = { ...record, annotations: record.annotations.filter((a) => a.type === 'claim') };
    const fullReport = await importAnnotations(full, temp.write('unused-full.json', exportText([disputedOnly], 'json', { ...GOLDEN_META, labels })));
    expect(fullReport.imported).toBe(1);
    expect(fullReport.changed).toEqual([
      { id: 'disputed', reason: 'label disputed (Disputed ✓) could not be added (there are already 50 labels of your own); no annotation of the file uses it' },
      { id: 'figure', reason: 'label figure (Figure) could not be added (there are already 50 labels of your own); no annotation of the file uses it' },
    ]);

    const opened = repositoryAt(temp.dir('unused-open'));
    await openArticle(opened, temp.write('unused-open.json', exportText([record], 'json', { ...GOLDEN_META, labels })));
    expect(custom(opened).map((l) => l.id)).toEqual(['disputed', 'figure']);
  });
});

suite('W3C import takes a label\'s name from the tagging body', () => {
  it('round trip: "Disputed ✓" comes back by name (grey: the format carries no colour)', async () => {
    const { path, record } = await machineA('w3c');
    const file = temp.write('a.jsonld', exportText([record], 'w3c', { ...GOLDEN_META, labels: A_LABELS }));
    const repository = repositoryAt(temp.dir('w3c-empty'));
    await openArticle(repository, path);
    const report = await importAnnotations(repository, file, { articleId: record.article.id });
    expect(custom(repository)).toEqual([{ id: 'disputed', name: 'Disputed ✓', colour: '#808080', key: '' }]);
    expect(report).toMatchObject({ imported: 2, skipped: [], changed: [] });
    expect(typesOf(repository, record.article.id)).toEqual({ [ID(1)]: 'disputed', [ID(2)]: 'claim' });
  });

  it('a W3C label whose id here names another label is added under a new id with its name', async () => {
    const { path, record } = await machineA('w3c-clash');
    const file = temp.write('clash.jsonld', exportText([record], 'w3c', { ...GOLDEN_META, labels: A_LABELS }));
    const repository = machineB(temp.dir('w3c-clash'));
    await openArticle(repository, path);
    const report = await importAnnotations(repository, file, { articleId: record.article.id });
    expect(typesOf(repository, record.article.id)).toEqual({ [ID(1)]: 'disputed-2', [ID(2)]: 'claim' });
    expect(repository.labels.get('disputed-2')).toMatchObject({ name: 'Disputed ✓' });
    expect(report.changed.map((c) => c.id)).toEqual(['disputed']);
  });
});
