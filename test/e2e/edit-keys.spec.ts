import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { expectCount, tagWord } from './helpers.js';
import { ROOT } from './runtime.js';

const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar').getByRole('button', { name, exact: true });

test('undo and redo keys in the library search box undo its typing, not an annotation change; in the reader they still undo a tag', async ({ app }) => {
  const { page } = app;
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  await tagWord(page, 'beta', 'c', 1);

  await toolbarButton(page, 'Library').click();
  const search = page.getByRole('region', { name: 'Library' }).getByRole('searchbox', { name: 'Search titles' });
  await search.click();
  await page.keyboard.type('rail');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('bridge');
  await expect(search).toHaveValue('bridge');
  await page.keyboard.press('Control+z');
  await expect(search).toHaveValue('rail');
  await page.keyboard.press('Control+Shift+z');
  await expect(search).toHaveValue('bridge');
  await page.keyboard.press('Control+z');
  await expect(search).toHaveValue('rail');

  // The tag was not undone by the keys in the search box; in the reader they undo it.
  await toolbarButton(page, 'Library').click();
  await expectCount(page, 1);
  await page.locator('.ProseMirror').focus();
  await page.keyboard.press('Control+z');
  await expectCount(page, 0);
  await expect(page.getByRole('status').locator('span')).toHaveText('Undone: Tag as Claim. The annotation is removed; nothing is selected.');
});
