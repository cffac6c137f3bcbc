import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { clickInside, expectCount, tagWord } from './helpers.js';
import { ROOT } from './runtime.js';
import { selectedId } from '../support/frame-watch.js';

/** Selects the first occurrence of `word` in the reader by script (no click reaches the reader). */
function selectWord(page: Page, word: string): Promise<void> {
  return page.evaluate((word) => {
    const walker = document.createTreeWalker(document.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`${word} is not in the reader`);
  }, word);
}

test('tagging a span with the label it has already selects that annotation and says so, whichever annotation was selected', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  const { page } = app;
  const claim = await tagWord(page, 'beta', 'c', 1);
  // Another selection in between: the repeated tag must select the claim again.
  await clickInside(page, 'Alpha');
  await expect.poll(() => selectedId(page)).toBeNull();

  await selectWord(page, 'beta');
  await page.keyboard.press('c');
  await expect(page.getByRole('status').locator('span')).toHaveText('“beta” is already tagged as Claim: it is selected.');
  await expect.poll(() => selectedId(page)).toBe(claim);
  await expectCount(page, 1);

  // With another annotation selected (gamma, tagged after it), the same again.
  expect(await tagWord(page, 'gamma', 'q', 2)).not.toBe(claim);
  await selectWord(page, 'beta');
  await page.keyboard.press('c');
  await expect(page.getByRole('status').locator('span')).toHaveText('“beta” is already tagged as Claim: it is selected.');
  await expect.poll(() => selectedId(page)).toBe(claim);
  await expect(page.locator('.details')).toContainText('beta');
  await expectCount(page, 2);
});
