import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { clickInside, dragSelect, expectCount, tagOverlappingSpans, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);
const details = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotation', exact: true });
const quoteRow = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item').filter({ hasText: 'We will win,' });

/** attribution.txt with its quote and three sources tagged; the quote selected and its "Attributed to" focused. */
async function quoteAndThreeSources(app: AttestApp) {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  for (const [words, type] of [['We will win,', 'Quote'], ['Mayor Jane Roe', 'Source'], ['The council', 'Source'], ['Critics', 'Source']] as const) {
    await dragSelect(page, words);
    await tagWith(page, type);
  }
  await expectCount(page, 4);
  await quoteRow(app).click();
  const attributedTo = details(app).getByLabel('Attributed to');
  await attributedTo.focus();
  return attributedTo;
}

test('"Attributed to" stepped through with the arrows commits one choice on Enter: one undo step', async ({ app }) => {
  const attributedTo = await quoteAndThreeSources(app);
  const { page } = app;
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(attributedTo.locator('option:checked')).toHaveText('Critics');
  await page.waitForTimeout(300);
  await expect(quoteRow(app).locator('.attribution')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(quoteRow(app).locator('.attribution')).toHaveText('→ Critics');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ProseMirror')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(quoteRow(app).locator('.attribution')).toHaveCount(0);
  // The step before it is the last tag, not another attribution.
  await page.keyboard.press('Control+z');
  await expectCount(page, 3);
  await expect(quoteRow(app).locator('.attribution')).toHaveCount(0);
});

test('"Attributed to" stepped with the arrows commits when it loses focus (Esc to the reader); a mouse choice commits at once', async ({ app }) => {
  const attributedTo = await quoteAndThreeSources(app);
  const { page } = app;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(quoteRow(app).locator('.attribution')).toHaveText('→ The council');
  await attributedTo.selectOption({ label: 'Mayor Jane Roe' });
  await expect(quoteRow(app).locator('.attribution')).toHaveText('→ Mayor Jane Roe');
});

test('the reader shows a focus outline when the keyboard brings focus there, not when it is clicked', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  const outline = () => page.locator('.reader-pane').evaluate((el) => getComputedStyle(el).outlineStyle);
  await clickInside(page, 'council');
  await expect(page.locator('.ProseMirror')).toBeFocused();
  expect(await outline()).toBe('none');
  // Tab out of the reader and back in.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.ProseMirror')).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.ProseMirror')).toBeFocused();
  await expect.poll(outline).toBe('solid');
});

test('the menu of overlapping highlights opened by a click takes focus: the arrows move in it, Enter chooses, Esc gives focus back to the reader', async ({ app }) => {
  await tagOverlappingSpans(app);
  const { page } = app;
  await page.keyboard.press('Escape');
  await clickInside(page, 'tax');
  const menu = page.getByRole('menu', { name: 'Annotations here' });
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.locator('.ProseMirror')).toBeFocused();

  // Not within a double-click's time of the first click.
  await page.waitForTimeout(600);
  await clickInside(page, 'tax');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.nth(2)).toBeFocused();
  const chosen = (await items.nth(2).locator('.badge').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.locator('.annotation-item.selected .badge')).toHaveText(chosen);
});
