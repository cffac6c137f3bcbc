import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { tabWalk } from './helpers.js';
import { ROOT } from './runtime.js';

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
