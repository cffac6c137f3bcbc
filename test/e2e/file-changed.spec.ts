import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { expectCount, panelRows, tagWord } from './helpers.js';

test('a file changed on disk while open is noticed when the window comes back into focus; Reopen shows the new text with the annotation moved; a moved file is noticed too', async ({ app }) => {
  const path = join(app.dataDir, 'notes.txt');
  writeFileSync(path, 'The council met on Monday. The mayor spoke.');
  await app.openArticle(path);
  const { page } = app;
  await tagWord(page, 'mayor', 'c', 1);
  const bar = page.locator('.file-changed');
  const focusBack = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));

  await focusBack();
  await expect(page.locator('.ProseMirror')).toContainText('The mayor spoke.');
  await expect(bar).toHaveCount(0);

  writeFileSync(path, 'Briefly: the council met on Monday. The mayor spoke at length.');
  await focusBack();
  await expect(bar).toContainText('notes.txt changed on disk since it was opened.');
  await bar.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.locator('.ProseMirror')).toContainText('The mayor spoke at length.');
  await expect(bar).toHaveCount(0);
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Claim', 'mayor']]);

  renameSync(path, join(app.dataDir, 'moved.txt'));
  await focusBack();
  await expect(bar).toContainText('notes.txt is no longer where it was opened from (moved or deleted). Its annotations are kept.');
});
