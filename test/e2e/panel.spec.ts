import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../../app/core/anchoring/describe.js';
import { generateSpans, generateText } from '../../bench/generate.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { dragSelect, expectCount, panelRows, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);
const panel = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotations' });

test('the panel filters by type and by text in quotes and notes, counts per type, sorts by position or newest first', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  // Tagged out of document order, so that newest first differs from by position.
  await dragSelect(page, 'Mayor Jane Roe');
  await tagWith(page, 'Source');
  await dragSelect(page, 'The council called it certain.');
  await tagWith(page, 'Claim');
  const details = page.getByRole('region', { name: 'Annotation', exact: true });
  await expect(details.locator('.details-exact')).toHaveText('The council called it certain.');
  await details.getByRole('textbox', { name: 'Note' }).fill('Check the budget figures.');
  await dragSelect(page, 'We will win,');
  await tagWith(page, 'Quote');
  await expectCount(page, 3);
  const filters = panel(app).getByRole('group', { name: 'Show types' });
  await expect(filters.getByRole('button')).toHaveText(['Claim 1', 'Quote 1', 'Source 1']);

  await panel(app).getByRole('searchbox', { name: 'Filter annotations' }).fill('BUDGET');
  await expect.poll(() => panelRows(page)).toEqual([['Claim', 'The council called it certain.']]);
  await panel(app).getByRole('searchbox', { name: 'Filter annotations' }).fill('jane');
  await expect.poll(() => panelRows(page)).toEqual([['Source', 'Mayor Jane Roe']]);
  await panel(app).getByRole('searchbox', { name: 'Filter annotations' }).fill('');
  await filters.getByRole('button', { name: /Quote/ }).click();
  await expect(filters.getByRole('button', { name: /Quote/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,']]);
  await filters.getByRole('button', { name: /Claim/ }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Claim', 'The council called it certain.']]);
  await filters.getByRole('button', { name: /Quote/ }).click();
  await filters.getByRole('button', { name: /Claim/ }).click();

  const byPosition = [['Quote', 'We will win,'], ['Source', 'Mayor Jane Roe'], ['Claim', 'The council called it certain.']];
  await expect.poll(() => panelRows(page)).toEqual(byPosition);
  await panel(app).getByLabel('Sort').selectOption({ label: 'Newest first' });
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Claim', 'The council called it certain.'], ['Source', 'Mayor Jane Roe']]);
  await panel(app).getByLabel('Sort').selectOption({ label: 'By position' });
  await expect.poll(() => panelRows(page)).toEqual(byPosition);
});

test('5,000 annotations: the panel renders only the rows in view, counts them all, and filters', async ({ app }) => {
  const text = generateText(7, 400_000);
  const path = join(app.dataDir, 'long-article.txt');
  writeFileSync(path, text);
  await app.openArticle(path);
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  await app.restart();
  // The store file of the article, with 5,000 annotations added as main would describe them.
  const storePath = join(app.dataDir, 'articles', `${id}.json`);
  const record = JSON.parse(readFileSync(storePath, 'utf8'));
  const spans = generateSpans(record.article.text, 7, 5000, 0.2).slice(0, 5000);
  expect(spans.length).toBeGreaterThan(4900);
  const types = ['claim', 'quote', 'source'];
  record.annotations = spans.map((s, i) => ({ id: `bulk-${i}`, type: types[i % 3], target: describe(record.article.text, s.start, s.end), note: i === 4321 ? 'needle' : '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' }));
  writeFileSync(storePath, JSON.stringify(record));
  await app.restart();
  await app.openArticle(path);
  await expect(panel(app).locator('h2').first()).toHaveText(`Annotations ${spans.length}`);
  const rendered = await panel(app).locator('.annotation-item').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await panel(app).getByRole('searchbox', { name: 'Filter annotations' }).fill('needle');
  await expect(panel(app).locator('.annotation-item')).toHaveCount(1);
  await expect(panel(app).locator('.annotation-item')).toHaveAttribute('data-annotation-id', 'bulk-4321');
});
