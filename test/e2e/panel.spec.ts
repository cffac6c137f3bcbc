import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { dragSelect, expectCount, openBulkArticle, panelRows, tagWith } from './helpers.js';
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
  const ids = await openBulkArticle(app, 7, 0.2);
  expect(ids.length).toBeGreaterThan(4900);
  const rendered = await panel(app).locator('.annotation-item').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await panel(app).getByRole('searchbox', { name: 'Filter annotations' }).fill('needle');
  await expect(panel(app).locator('.annotation-item')).toHaveCount(1);
  await expect(panel(app).locator('.annotation-item')).toHaveAttribute('data-annotation-id', 'bulk-4321');
});

test('a tag made when no frame comes (as in a hidden window) still reaches the details and the panel', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  await dragSelect(page, 'Mayor Jane Roe');
  // From here the page renders no frame: animation frame callbacks never run, as in a hidden window.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
  });
  await page.keyboard.press('s');
  await expect(page.locator('.ProseMirror .hl-source')).toHaveText('Mayor Jane Roe');
  await expect.poll(() => panelRows(page)).toEqual([['Source', 'Mayor Jane Roe']]);
  await expect(page.getByRole('region', { name: 'Annotation', exact: true }).locator('.details-exact')).toHaveText('Mayor Jane Roe');
});
