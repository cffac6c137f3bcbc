import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { expectCount, tagWord } from './helpers.js';
import { ROOT } from './runtime.js';
import { selectedId } from '../support/frame-watch.js';

const menu = (app: AttestApp) => app.page.getByRole('menu', { name: 'Actions' });

test('Shift+F10 and the Menu key on a selected highlight open the menu for it, with the caret in it or in no other annotation', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  const { page } = app;
  const beta = await tagWord(page, 'beta', 'c', 1);

  // The caret in the highlight (a click there selects it).
  await page.locator(`.ProseMirror [data-annotation-id="${beta}"]`).click();
  await expect.poll(() => selectedId(page)).toBe(beta);
  await page.keyboard.press('Shift+F10');
  await expect(menu(app).getByRole('menuitem', { name: /Delete annotation/ })).toBeVisible();
  await expect(menu(app).getByRole('menuitem').first()).toBeFocused();
  // Esc gives the focus back to the reader: the Menu key works from there again.
  await page.keyboard.press('Escape');
  await expect(menu(app)).toHaveCount(0);
  await expect(page.locator('.ProseMirror')).toBeFocused();
  await page.keyboard.press('ContextMenu');
  await expect(menu(app).getByRole('menuitem', { name: /Open details/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // The caret in plain text (at the end of the line), the annotation still selected: the menu acts on it.
  await page.keyboard.press('End');
  await expect.poll(() => selectedId(page)).toBe(beta);
  await page.keyboard.press('ContextMenu');
  await menu(app).getByRole('menuitem', { name: /Delete annotation/ }).click();
  await expectCount(page, 0);
});

test('after N from a clicked highlight, the Menu key acts on the annotation N went to (the caret goes along)', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  const { page } = app;
  const alpha = await tagWord(page, 'Alpha', 'c', 1);
  const gamma = await tagWord(page, 'gamma', 'q', 2);
  await page.locator(`.ProseMirror [data-annotation-id="${alpha}"]`).click();
  await expect.poll(() => selectedId(page)).toBe(alpha);
  await page.keyboard.press('n');
  await expect.poll(() => selectedId(page)).toBe(gamma);
  await page.keyboard.press('Shift+F10');
  await menu(app).getByRole('menuitem', { name: /Delete annotation/ }).click();
  await expectCount(page, 1);
  await expect(page.locator(`.ProseMirror [data-annotation-id="${alpha}"]`)).toHaveCount(1);
});
