import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { dragSelect, panelRows } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('A+ and A− change the reader text size, remembered after a reload and after a restart (main keeps it: in browser mode a new profile has no localStorage)', async ({ app }) => {
  await app.openArticle(fixture('officials.txt'));
  const { page } = app;
  const size = () => page.locator('.reader').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await size();
  const sizes = page.getByRole('group', { name: 'Text size' });
  await sizes.getByRole('button', { name: 'Larger text' }).click();
  await sizes.getByRole('button', { name: 'Larger text' }).click();
  expect(await size()).toBeCloseTo(base * 1.3, 1);
  await page.reload();
  await app.openArticle(fixture('officials.txt'));
  expect(await size()).toBeCloseTo(base * 1.3, 1);
  await app.restart();
  await app.openArticle(fixture('officials.txt'));
  await expect.poll(() => app.page.locator('.reader').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(base * 1.3, 1);
  for (let i = 0; i < 10; i++) {
    const smaller = app.page.getByRole('group', { name: 'Text size' }).getByRole('button', { name: 'Smaller text' });
    if (await smaller.isDisabled()) break;
    await smaller.click();
  }
  expect(await app.page.locator('.reader').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(base * 0.8, 1);
  expect(JSON.parse(readFileSync(join(app.dataDir, 'preferences.json'), 'utf8')).preferences).toEqual({ readerScale: 0.8 });
});

test('the context menu tags a selection and acts on a highlight', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  await dragSelect(page, 'Mayor Jane Roe');
  const p = await page.locator('.ProseMirror').evaluate(() => {
    const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(p.x, p.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions' });
  await expect(menu.getByRole('menuitem')).toHaveText([/Tag as Claim/, /Tag as Quote/, /Tag as Source/]);
  await menu.getByRole('menuitem', { name: /Tag as Source/ }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Source', 'Mayor Jane Roe']]);
  await expect(menu).toHaveCount(0);

  await dragSelect(page, 'We will win,');
  await page.keyboard.press('q');
  await page.locator('.ProseMirror .hl-quote').click({ button: 'right' });
  await expect(menu.getByRole('menuitem')).toHaveText([/Open details/, /Attribute to a source/, /Delete annotation/]);
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Annotation', exact: true }).getByLabel('Attributed to')).toBeFocused();
  await page.locator('.ProseMirror .hl-quote').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: /Delete annotation/ }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Source', 'Mayor Jane Roe']]);
});
