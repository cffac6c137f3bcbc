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
  // The bar's Reopen after the file changed: the text shown, the message, and the panel's one row.
  const reopenShows = async (text: string, message: string, row: string[]) => {
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('.file-changed').getByRole('button', { name: 'Reopen' }).click();
    await expect(page.locator('.ProseMirror')).toContainText(text);
    await expect(page.getByRole('status')).toContainText(message);
    await expectCount(page, 1);
    expect(await panelRows(page)).toEqual([row]);
  };

  copyFileSync(a, b);
  await reopenShows('The minister announced tariffs', "b.txt now holds the same text as a.txt, so it shows that text's annotations", ['Claim', 'tariffs']);
  writeFileSync(b, 'Floods hit the province after days of rain.');
  await reopenShows('Floods hit the province', "b.txt held the same text as a.txt until now; that text's annotations stay with it", ['Claim', 'Floods']);
});
