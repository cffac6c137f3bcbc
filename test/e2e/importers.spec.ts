import { chromium } from '@playwright/test';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumFlags, findChromium } from '../../app/cli/chromium.js';
import { LAST_PARAGRAPH, largeText } from '../support/large-text.js';
import { tempRoot } from '../support/temp.js';
import { expect, test } from './fixtures.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);
const tempFile = tempRoot('e2e-files').write;

test('Markdown, XHTML, MHTML open with their structure', async ({ app }) => {
  const reader = app.page.locator('.ProseMirror');
  await app.openArticle(fixture('structure.md'));
  await expect(reader.locator('h2')).toHaveText('Background');
  await expect(reader.locator('blockquote p')).toHaveText('We will not comment.');
  await expect(reader.locator('ul li')).toHaveText(['First point', 'Second point']);
  await expect(reader.locator('.link')).toHaveText('the report');
  await app.openArticle(fixture('saved-page.mhtml'));
  await expect(reader.locator('blockquote p')).toHaveText('Nous ne fermons jamais.');
  await app.openArticle(fixture('structure.xhtml'));
  await expect(reader.locator('h2')).toHaveText('Background');
  await expect(app.page.getByRole('combobox', { name: 'Encoding' })).toHaveCount(0);
});

test('a page Chromium itself saved as MHTML opens with its structure', async ({ app }) => {
  const executable = findChromium();
  test.skip(!executable, 'needs Chromium or Chrome (CHROMIUM_PATH) to save a page as MHTML');
  const browser = await chromium.launch({ executablePath: executable!, args: chromiumFlags() });
  let mhtml: string;
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(pathToFileURL(fixture('structure.html')).href);
    ({ data: mhtml } = await (await context.newCDPSession(page)).send('Page.captureSnapshot', { format: 'mhtml' }));
  } finally {
    await browser.close();
  }
  expect(mhtml).toMatch(/^From: <Saved by Blink>/);
  await app.openArticle(tempFile('saved-by-chromium.mhtml', mhtml));
  const reader = app.page.locator('.ProseMirror');
  await expect(reader.locator('h2')).toHaveText('Background');
  await expect(reader.locator('blockquote p')).toHaveText('We will not comment.');
  await expect(reader.locator('ol li')).toHaveText(['Step one']);
  await expect(reader.locator('.link')).toHaveText('the report');
  await expect(app.page.locator('.article-meta')).toContainText('Jane Doe');
});

test('a guessed encoding can be changed in the header, and the choice is remembered for the file', async ({ app }) => {
  const path = tempFile('tokyo.txt', Buffer.concat([Buffer.from('938c8b9e82c5', 'hex'), Buffer.from('CLAIM')]));
  await app.openArticle(path);
  const reader = app.page.locator('.ProseMirror');
  await expect(reader).toHaveText('東京でCLAIM');
  const select = app.page.getByRole('combobox', { name: 'Encoding' });
  await expect(select).toHaveValue('Shift_JIS');
  await select.selectOption('EUC-JP');
  await expect(select).toHaveValue('EUC-JP');
  await expect(reader).not.toHaveText('東京でCLAIM');
  await app.restart();
  // The page is new after a restart: locate again.
  await app.openArticle(path);
  const again = app.page.getByRole('combobox', { name: 'Encoding' });
  await expect(again).toHaveValue('EUC-JP');
  await again.selectOption('Shift_JIS');
  await expect(app.page.locator('.ProseMirror')).toHaveText('東京でCLAIM');
});

for (const [name, bytes, message] of [
  ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'image.txt: the file holds binary data, not text'],
  ['empty.md', new Uint8Array(), 'empty.md: the file is empty'],
] as const) {
  test(`${name}: a clear error, and the open article stays`, async ({ app }) => {
    await app.openArticle(fixture('officials.txt'));
    await app.answerDialogs({ open: [tempFile(name, bytes)] });
    await app.page.keyboard.press('Control+o');
    await expect(app.page.getByRole('alert')).toContainText(message);
    await expect(app.page.locator('.ProseMirror')).toHaveText('Officials denied it.');
  });
}

test('a file above the size limit: a clear error, and the open article stays', async ({ app }) => {
  const path = tempFile('huge.txt', '');
  truncateSync(path, 64 * 1024 * 1024); // sparse: nothing is written
  await app.openArticle(fixture('officials.txt'));
  await app.answerDialogs({ open: [path] });
  await app.page.keyboard.press('Control+o');
  await expect(app.page.getByRole('alert')).toContainText(/huge\.txt: \d+ bytes is more than the \d+-byte limit/);
  await expect(app.page.locator('.ProseMirror')).toHaveText('Officials denied it.');
});

test('a 10 MB plain-text file opens and its last paragraph is in the reader', async ({ app }) => {
  test.setTimeout(120_000);
  const path = tempFile('ten-megabytes.txt', largeText(10_000_000));
  const started = Date.now();
  await app.answerDialogs({ open: [path] });
  await app.page.keyboard.press('Control+o');
  const last = app.page.locator('.ProseMirror p').last();
  await expect(last).toHaveText(LAST_PARAGRAPH, { timeout: 90_000 });
  test.info().annotations.push({ type: 'open-10MB-ms', description: String(Date.now() - started) });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeVisible();
});
