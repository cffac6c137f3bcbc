import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { dragSelect, expectCount, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

/** Where focus is after each of `presses` Tabs: whether it is inside `selector`, and on what. */
async function tabWalk(page: import('@playwright/test').Page, selector: string, presses: number): Promise<boolean[]> {
  const inside: boolean[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    inside.push(await page.evaluate((s) => !!document.activeElement?.closest(s), selector));
  }
  return inside;
}

test('Tab stays in the Labels dialog, Enter there opens nothing behind it, and Esc gives focus back to the Labels… button', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'attribution.txt'));
  const { page } = app;
  const button = page.getByRole('toolbar').getByRole('button', { name: 'Labels…' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await expect(dialog).toBeVisible();
  expect(await tabWalk(page, '.dialog', 25)).toEqual(Array(25).fill(true));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.locator('.library')).toHaveCount(0);
});

test('Tab stays in the question about deleting a source; Cancel gives focus back to Delete', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'attribution.txt'));
  const { page } = app;
  await dragSelect(page, 'We will win,');
  await tagWith(page, 'Quote');
  await dragSelect(page, 'Mayor Jane Roe');
  await tagWith(page, 'Source');
  await expectCount(page, 2);
  const details = page.getByRole('region', { name: 'Annotation', exact: true });
  await page.locator('.annotation-item').filter({ hasText: 'We will win,' }).click();
  await details.getByLabel('Attributed to').selectOption({ label: 'Mayor Jane Roe' });
  await page.locator('.annotation-item').filter({ hasText: 'Mayor Jane Roe' }).first().click();
  const remove = details.getByRole('button', { name: 'Delete' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('alertdialog', { name: 'Delete this source?' });
  await expect(question.getByRole('button', { name: 'Keep them, unattributed' })).toBeFocused();
  expect(await tabWalk(page, '.dialog', 8)).toEqual(Array(8).fill(true));
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expectCount(page, 2);
});
