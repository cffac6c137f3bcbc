import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { dragSelect, expectCount, tagWith } from './helpers.js';

const rtl = (locator: ReturnType<AttestApp['page']['locator']>) => locator.evaluate((el) => el.matches(':dir(rtl)'));

test('quotes in the panel rows, the details, and the "Attributed to" options take their own direction: a Hebrew quote with English words reads right to left, as in the reader', async ({ app }) => {
  const path = join(app.dataDir, 'mixed-quote.txt');
  writeFileSync(path, 'ל-peace process\n\nThe minister said so.');
  await app.openArticle(path);
  const { page } = app;
  // The first paragraph, from its start to its end (a drag over mixed directions is the reader's own test).
  await page.locator('.ProseMirror').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+End');
  await tagWith(page, 'Source');
  await dragSelect(page, 'The minister said so.');
  await tagWith(page, 'Quote');
  await expectCount(page, 2);
  const panel = page.getByRole('region', { name: 'Annotations' });
  const details = page.getByRole('region', { name: 'Annotation', exact: true });
  const exacts = panel.locator('.annotation-item .exact');
  await expect(exacts).toHaveText(['ל-peace process', 'The minister said so.']);
  expect(await rtl(exacts.nth(0))).toBe(true);
  expect(await rtl(exacts.nth(1))).toBe(false);
  // The quote is selected: its details read left to right, the source it can be attributed to right to left.
  expect(await rtl(details.locator('.details-exact'))).toBe(false);
  const option = details.getByLabel('Attributed to').locator('option', { hasText: 'peace' });
  expect(await rtl(option)).toBe(true);
  await details.getByLabel('Attributed to').selectOption({ label: 'ל-peace process' });
  expect(await rtl(panel.locator('.annotation-item .attribution'))).toBe(true);
  await panel.locator('.annotation-item').first().click();
  expect(await rtl(details.locator('.details-exact'))).toBe(true);
});
