import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { clickInside, dragSelect, expectCount, panelRows } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('the reader can be selected but never edited: typing, Enter, Backspace, paste and cut change nothing', async ({ app }) => {
  await app.openArticle(fixture('three-paragraphs.txt'));
  const { page } = app;
  const reader = page.locator('.ProseMirror');
  const before = await reader.innerText();
  await clickInside(page, 'Second');
  await page.keyboard.type('xyz');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+x');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'PASTED');
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.keyboard.insertText('inserted');
  expect(await reader.innerText()).toBe(before);
  await expectCount(page, 0);
  // An editing host for the browser (caret, keyboard selection), and not one React saves and
  // restores the selection of at every commit (see react-selection-guard.ts).
  expect(await reader.evaluate((el: HTMLElement) => [el.getAttribute('contenteditable'), el.isContentEditable, el.contentEditable])).toEqual(['true', true, 'plaintext-only']);
});

test('text can be selected from the keyboard and tagged by its key', async ({ app }) => {
  await app.openArticle(fixture('officials.txt'));
  const { page } = app;
  await page.locator('.ProseMirror').focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('s');
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Source', 'denied']]);
});

test('the tag buttons name their keys in their tooltips', async ({ app }) => {
  await app.openArticle(fixture('officials.txt'));
  const toolbar = app.page.getByRole('toolbar');
  await expect(toolbar.getByRole('button', { name: 'Claim', exact: true })).toHaveAttribute('title', /\(C\)/);
  await expect(toolbar.getByRole('button', { name: 'Quote', exact: true })).toHaveAttribute('title', /\(Q\)/);
  await expect(toolbar.getByRole('button', { name: 'Source', exact: true })).toHaveAttribute('title', /\(S\)/);
});

test('a file that cannot be opened gives a clear message and the open article stays', async ({ app }) => {
  await app.openArticle(fixture('officials.txt'));
  await app.answerDialogs({ open: [join(ROOT, 'playwright.config.ts')] });
  await app.page.keyboard.press('Control+o');
  await expect(app.page.getByRole('alert')).toContainText('playwright.config.ts: Attest does not read .ts files');
  await expect(app.page.locator('.ProseMirror')).toHaveText('Officials denied it.');
});

test('structure survives: headings, paragraphs, block quotes, lists, links as text', async ({ app }) => {
  await app.openArticle(fixture('structure.html'));
  const reader = app.page.locator('.ProseMirror');
  await expect(reader.locator('h2')).toHaveText('Background');
  await expect(reader.locator('blockquote p')).toHaveText('We will not comment.');
  await expect(reader.locator('ul li')).toHaveText(['First point', 'Second point']);
  await expect(reader.locator('ol li')).toHaveText(['Step one']);
  await expect(reader.locator('.link')).toHaveText('the report');
  await expect(reader.locator('a')).toHaveCount(0);
  await expect(app.page.locator('.article-meta')).toContainText('Jane Doe');
});

test('a selection the analyst has moved away from is never tagged', async ({ app }) => {
  await app.openArticle(fixture('three-paragraphs.txt'));
  const { page } = app;
  await dragSelect(page, 'Second one');
  // Select the path in the header instead: the reader's old selection must not be tagged.
  await page.locator('.article-source').selectText();
  await page.getByRole('toolbar').getByRole('button', { name: 'Claim', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Select some text in the article first');
  await expectCount(page, 0);
  // Clicking the margin clears the selection too.
  await dragSelect(page, 'Second one');
  await page.mouse.click(5, 400);
  await page.getByRole('toolbar').getByRole('button', { name: 'Quote', exact: true }).click();
  await expectCount(page, 0);
});

test('each block reads in its own direction inside the article', async ({ app }) => {
  await app.openArticle(fixture('mixed-direction.txt'));
  const blocks = app.page.locator('.ProseMirror > *');
  await expect(blocks).toHaveCount(2);
  expect(await blocks.nth(0).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await blocks.nth(1).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  expect(await app.page.locator('.article-source').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});
