import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { expectCount, panelRows, tagWord } from './helpers.js';

test("a file overwritten with another file's text shows that text's annotations and says so; putting its text back shows its own, none of the other's", async ({ app }) => {
  const a = join(app.dataDir, 'a.txt');
  const b = join(app.dataDir, 'b.txt');
  writeFileSync(a, 'The minister announced tariffs on steel today.');
  writeFileSync(b, 'Floods hit the province after days of rain.');
  const { page } = app;
  await app.openArticle(a);
  await tagWord(page, 'tariffs', 'c', 1);
  await app.openArticle(b);
  await tagWord(page, 'Floods', 'c', 1);
  const bar = page.locator('.file-changed');
  const focusBack = () => page.evaluate(() => window.dispatchEvent(new Event('focus')));

  copyFileSync(a, b);
  await focusBack();
  await bar.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.locator('.ProseMirror')).toContainText('The minister announced tariffs');
  await expect(page.getByRole('status')).toContainText("b.txt now holds the same text as a.txt, so it shows that text's annotations");
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Claim', 'tariffs']]);

  writeFileSync(b, 'Floods hit the province after days of rain.');
  await focusBack();
  await bar.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.locator('.ProseMirror')).toContainText('Floods hit the province');
  await expect(page.getByRole('status')).toContainText("b.txt held the same text as a.txt until now; that text's annotations stay with it");
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Claim', 'Floods']]);
});
