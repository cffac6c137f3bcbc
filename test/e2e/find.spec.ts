import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { clickInside, dragSelect, expectCount, panelRows } from './helpers.js';

const TEXT = ['The council met on Monday.', 'The mayor said the budget would pass. Critics said it would not.', 'Later the mayor’s office said he didn’t know.'].join('\n\n');

/** Opens `TEXT` from a file in the data directory; the page, the find box and its status. */
async function openFindText(app: AttestApp) {
  const path = join(app.dataDir, 'find.txt');
  writeFileSync(path, TEXT);
  await app.openArticle(path);
  const { page } = app;
  return { page, box: page.getByRole('searchbox', { name: 'Find in article' }), status: page.locator('.find-status') };
}

test('Ctrl+F finds a phrase case-insensitively; Enter and Shift+Enter step through the matches; Esc selects the current one, and Q tags it', async ({ app }) => {
  const { page, box, status } = await openFindText(app);
  const current = page.locator('.ProseMirror .find-current');

  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
  await box.fill('MAYOR');
  await expect(status).toHaveText('1 of 2');
  await expect(page.locator('.ProseMirror .find-match')).toHaveText(['mayor', 'mayor']);
  await expect(current.locator('xpath=ancestor::p')).toHaveText(/^The mayor said/);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('2 of 2');
  await expect(current.locator('xpath=ancestor::p')).toHaveText(/^Later/);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('1 of 2');
  await page.keyboard.press('Shift+Enter');
  await expect(status).toHaveText('2 of 2');

  // A straight apostrophe finds the curly one; nothing found says so.
  await box.fill("didn't");
  await expect(status).toHaveText('1 of 1');
  await expect(current).toHaveText('didn’t');
  await box.fill('zebra');
  await expect(status).toHaveText('No matches');
  await expect(page.getByRole('button', { name: 'Next match' })).toBeDisabled();

  await box.fill('said  the');
  await expect(status).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(page.locator('.ProseMirror .find-match')).toHaveCount(0);
  await expect(page.locator('.ProseMirror')).toBeFocused();
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('said the');
  await page.keyboard.press('q');
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Quote', 'said the']]);
  const id = await page.locator('.reader').getAttribute('data-article-id');
  await expect.poll(() => {
    try {
      return JSON.parse(readFileSync(join(app.dataDir, 'articles', `${id}.json`), 'utf8')).annotations.map((a: any) => [a.target.position.start, a.target.position.end, a.target.quote.exact]);
    } catch {
      return null;
    }
  }).toEqual([[TEXT.indexOf('said the'), TEXT.indexOf('said the') + 'said the'.length, 'said the']]);
});

test('Ctrl+F starts from the reading place, and takes a selected phrase as its query', async ({ app }) => {
  const { page, box, status } = await openFindText(app);

  await clickInside(page, 'Later');
  await page.keyboard.press('Control+f');
  await expect(box).toHaveValue('');
  await box.fill('mayor');
  await expect(status).toHaveText('2 of 2');
  await page.getByRole('button', { name: 'Close find' }).click();
  await expect(box).toHaveCount(0);

  await dragSelect(page, 'council');
  await page.keyboard.press('Control+f');
  await expect(box).toHaveValue('council');
  await expect(status).toHaveText('1 of 1');
  await expect(page.locator('.ProseMirror .find-current')).toHaveText('council');
  // Ctrl+F again while the bar is open goes back to its box, its text selected.
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
  expect(await box.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 'council'.length]);

  // The library in front of the reader closes the bar: back in the reader, keys tag again.
  const library = page.getByRole('toolbar').getByRole('button', { name: 'Library' });
  await library.click();
  await library.click();
  await expect(box).toHaveCount(0);
  await expect(page.locator('.ProseMirror .find-match')).toHaveCount(0);
  await dragSelect(page, 'council');
  await page.keyboard.press('q');
  await expectCount(page, 1);
});
