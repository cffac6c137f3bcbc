import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { dragSelect, expectCount, panelRows, tagWith } from './helpers.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

test('export in a chosen format and scope; import a W3C file with the report shown and the annotation painted', async ({ app }) => {
  const { page } = app;
  await app.openArticle(fixture('tax-plan.txt'));
  await dragSelect(page, 'tax plan');
  await tagWith(page, 'Claim');
  await expectCount(page, 1);

  const bar = page.getByRole('region', { name: 'Export and import' });
  await bar.getByRole('combobox', { name: 'Export format' }).selectOption('w3c');
  await bar.getByRole('combobox', { name: 'Export scope' }).selectOption('article');
  const out = join(app.dataDir, 'tax-plan.jsonld');
  await app.answerDialogs({ save: out });
  await bar.getByRole('button', { name: 'Export…' }).click();
  await expect(bar.getByRole('status')).toContainText(`as W3C Web Annotation (JSON-LD) to ${out}`);
  const collection = JSON.parse(readFileSync(out, 'utf8'));
  expect(collection.first.items.map((a: any) => a.target.selector[0].exact)).toEqual(['tax plan']);

  await bar.getByRole('combobox', { name: 'Export format' }).selectOption('brat');
  await bar.getByRole('combobox', { name: 'Export scope' }).selectOption('library');
  const folder = join(app.dataDir, 'library.brat');
  await app.answerDialogs({ save: folder });
  await bar.getByRole('button', { name: 'Export…' }).click();
  await expect(bar.getByRole('status')).toContainText('Exported the library as brat standoff (folder)');
  expect(readdirSync(folder).filter((f) => f.endsWith('.ann') || f.endsWith('.conf'))).toHaveLength(3);

  // A model's suggestion: a quote only, and one that is not in the article.
  const suggestions = join(app.dataDir, 'model.jsonld');
  const suggestion = (id: string, exact: string) => ({ type: 'Annotation', id: `urn:uuid:${id}`, motivation: 'classifying', body: { type: 'TextualBody', purpose: 'tagging', value: 'Source' }, target: { source: 'https://example.invalid/x', selector: { type: 'TextQuoteSelector', exact } } });
  writeFileSync(suggestions, JSON.stringify([suggestion('00000000-0000-4000-8000-0000000000e1', 'failed'), suggestion('00000000-0000-4000-8000-0000000000e2', 'nowhere in it')]));
  await app.answerDialogs({ open: [suggestions] });
  await bar.getByRole('button', { name: 'Import…' }).click();
  await expect(bar.getByRole('status')).toContainText('Imported 2 annotations into');
  await expect(bar.getByRole('status')).toContainText('1 by quote, 0 by fuzzy quote, 1 kept as orphan');
  await expect(bar.getByRole('status')).toContainText('Orphan 00000000-0000-4000-8000-0000000000e2');
  await expectCount(page, 2);
  expect((await panelRows(page)).map((r) => r.join(' '))).toContainEqual(expect.stringContaining('failed'));
  await expect(page.locator('.ProseMirror .hl-source')).toHaveText('failed');
});

test('a progress bar shows while main exports, and goes when it is done', async ({ app }) => {
  const { page } = app;
  await app.openArticle(fixture('tax-plan.txt'));
  // Browser mode calls main over HTTP: holding the export's request back keeps main "working".
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/ipc/article%3Aexport', async (route) => {
    await held;
    await route.fallback();
  });
  const bar = page.getByRole('region', { name: 'Export and import' });
  await app.answerDialogs({ save: join(app.dataDir, 'held.json') });
  await bar.getByRole('button', { name: 'Export…' }).click();
  await expect(bar.getByRole('progressbar', { name: 'Exporting…' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Import…' })).toBeDisabled();
  // The request is really held: main has not written the file yet.
  expect(existsSync(join(app.dataDir, 'held.json'))).toBe(false);
  release();
  await expect(bar.getByRole('status')).toContainText(`to ${join(app.dataDir, 'held.json')}`);
  await expect(bar.getByRole('progressbar')).toHaveCount(0);
});
