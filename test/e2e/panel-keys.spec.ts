import { expect, test, type AttestApp } from './fixtures.js';
import { openBulkArticle } from './helpers.js';

const panel = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotations' });

/** The focused element: a panel row's index, or its tag name when it is not a row. */
const focusedRow = (app: AttestApp) => app.page.evaluate(() => document.activeElement?.getAttribute('data-row-index') ?? document.activeElement?.tagName ?? null);

test('keys in a panel of 5,000 rows: arrows, PageUp/PageDown and Home/End move focus between rows, each row focused in view, and focus never falls to <body>', async ({ app }) => {
  await openBulkArticle(app, 7, 0.2);
  const { page } = app;
  const rows = panel(app).locator('.annotation-item');
  // One row is in the Tab order: from the sort select, Tab goes to the first row.
  await panel(app).locator('.panel-sort select').focus();
  await page.keyboard.press('Tab');
  expect(await focusedRow(app)).toBe('0');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(app)).toBe('1');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(app)).toBe('2');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedRow(app)).toBe('1');
  let last = 1;
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number(await focusedRow(app))).toBeGreaterThan(last);
    last = Number(await focusedRow(app));
    await expect(rows.and(page.locator(':focus'))).toBeInViewport();
  }
  await page.keyboard.press('End');
  await expect.poll(() => focusedRow(app)).toBe('4999');
  await expect(rows.and(page.locator(':focus'))).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect.poll(async () => Number(await focusedRow(app))).toBeLessThan(4999);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedRow(app)).toBe('0');
  await expect(rows.and(page.locator(':focus'))).toBeInViewport();

  // The list scrolled far away by the wheel: the focused row stays, and ArrowDown goes on from it.
  await panel(app).locator('.annotation-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page.waitForTimeout(100);
  expect(await focusedRow(app)).toBe('0');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(app)).toBe('1');
  // Shift+Tab leaves the list rather than walking its rows back.
  await page.keyboard.press('Shift+Tab');
  await expect(panel(app).locator('.panel-sort select')).toBeFocused();
});
