import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customHighlight } from '../../app/core/highlight-palette.js';
import { exportProblems } from '../support/check-export.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { doubleClickWord, dragSelect, expectCount, exportTo, panelRows } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);
const openLabels = (app: AttestApp) => app.page.getByRole('toolbar').getByRole('button', { name: 'Labels…' }).click();

/** `#rrggbbaa` as the `rgba(…)` a computed style gives. */
function rgba(hex: string): string {
  const [r, g, b, a] = [1, 3, 5, 7].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${Number((a / 255).toFixed(2))})`;
}

/** The types of the open article's annotations in its store file. */
async function storedTypes(app: AttestApp): Promise<string[] | null> {
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  const path = join(app.dataDir, 'articles', `${id}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).annotations.map((a: { type: string }) => a.type) : null;
}

test('a label of my own: add it, tag by its key in two articles, restart, rename, export, remove retyping its annotations', async ({ app }) => {
  let page = app.page;
  await page.emulateMedia({ colorScheme: 'light' });
  await app.openArticle(fixture('alpha-beta.txt'));

  // Add: name, colour, key. A clashing name is refused with the reason, and nothing is added.
  await openLabels(app);
  // The page is a new one after a restart: always look the dialog up on the current one.
  const dialog = () => app.page.getByRole('dialog', { name: 'Labels' });
  await dialog().getByRole('textbox', { name: 'New label name' }).fill('Claim');
  await dialog().getByRole('button', { name: 'Add label' }).click();
  await expect(dialog().getByRole('alert')).toHaveText('there is already a label named Claim');
  await dialog().getByRole('textbox', { name: 'New label name' }).fill('Disputed');
  await dialog().getByLabel('New label colour').fill('#7b1fa2');
  await dialog().getByRole('textbox', { name: 'New label key' }).fill('d');
  await dialog().getByRole('button', { name: 'Add label' }).click();
  await expect(dialog().getByRole('list', { name: 'Your labels' }).getByRole('textbox', { name: 'Disputed name' })).toHaveValue('Disputed');
  await expect(dialog().getByRole('alert')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog()).toHaveCount(0);

  // Tag by its key; painted in its colour (a constructed stylesheet the CSP allows), readable.
  await doubleClickWord(page, 'gamma');
  await page.keyboard.press('d');
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Disputed', 'gamma']]);
  const highlight = page.locator('.ProseMirror .hl-disputed');
  await expect(highlight).toHaveText('gamma');
  expect(await highlight.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgba(customHighlight('#7b1fa2', 'light').background));
  await expect.poll(() => storedTypes(app)).toEqual(['disputed']);
  // The keys overlay lists its key.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard keys' })).toContainText('Tag the selection as Claim / Quote / Source / Disputed');
  await page.keyboard.press('Escape');

  // Another article has it too: the toolbar button tags with it.
  await app.openArticle(fixture('attribution.txt'));
  await dragSelect(page, 'Critics disagree.');
  await page.getByRole('toolbar').getByRole('button', { name: 'Disputed', exact: true }).click();
  await expectCount(page, 1);
  await expect.poll(() => storedTypes(app)).toEqual(['disputed']);

  // After a restart the label and its annotations are there.
  await app.restart();
  page = app.page;
  await app.openArticle(fixture('alpha-beta.txt'));
  await expect(page.locator('.ProseMirror .hl-disputed')).toHaveText('gamma');
  expect(await panelRows(page)).toEqual([['Disputed', 'gamma']]);

  // Rename: the id stays, so the annotation follows the new name, in the panel and the export.
  await openLabels(app);
  await dialog().getByRole('textbox', { name: 'Disputed name' }).fill('Contested');
  await dialog().getByRole('button', { name: 'Save Disputed' }).click();
  await expect(dialog().getByRole('textbox', { name: 'Contested name' })).toHaveValue('Contested');
  await dialog().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Contested', 'gamma']]);
  const json = await exportTo(app, 'alpha.attest.json');
  expect(exportProblems(json)).toEqual([]);
  expect(json.labels).toEqual([
    { id: 'claim', name: 'Claim', colour: '#a76b00' },
    { id: 'quote', name: 'Quote', colour: '#1565c0' },
    { id: 'source', name: 'Source', colour: '#2e7d32' },
    { id: 'disputed', name: 'Contested', colour: '#7b1fa2' },
  ]);
  expect(json.annotations.map((a: { type: string; start: number; end: number; exact: string }) => [a.type, a.start, a.end, a.exact])).toEqual([['disputed', 11, 16, 'gamma']]);

  // Remove: it asks what to do with the 2 annotations in 2 articles; Cancel keeps everything.
  await openLabels(app);
  await dialog().getByRole('button', { name: 'Remove Contested' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Remove the label Contested?' });
  await expect(ask).toContainText('2 annotations in 2 articles use it');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog().getByRole('textbox', { name: 'Contested name' })).toBeVisible();
  await dialog().getByRole('button', { name: 'Remove Contested' }).click();
  await ask.getByRole('combobox', { name: 'Change them to' }).selectOption({ label: 'Quote' });
  await ask.getByRole('button', { name: 'Remove label' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.locator('.message-info')).toHaveText(/Removed the label Contested: 2 annotations in 2 articles changed to Quote\./);
  await expect(dialog().getByRole('list', { name: 'Your labels' }).getByRole('listitem')).toHaveCount(0);
  await dialog().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'gamma']]);
  await expect(page.locator('.ProseMirror .hl-quote')).toHaveText('gamma');
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Contested' })).toHaveCount(0);
  await expect.poll(() => storedTypes(app)).toEqual(['quote']);
  await app.openArticle(fixture('attribution.txt'));
  expect(await panelRows(page)).toEqual([['Quote', 'Critics disagree.']]);

  // Importing the export made before brings its label back, as one from another machine would come.
  await app.answerDialogs({ open: [join(app.dataDir, 'alpha.attest.json')] });
  await page.getByRole('region', { name: 'Export and import' }).getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('toolbar').getByRole('button', { name: 'Contested', exact: true })).toBeVisible();
});

test('at the narrowest window (720 px, the main window\'s minimum) with labels of one\'s own, the toolbar wraps: every button is in the window and nothing scrolls sideways', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 720, height: 600 });
  await app.openArticle(fixture('alpha-beta.txt'));
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  for (const name of ['Disputed', 'Needs context']) {
    await openLabels(app);
    await dialog.getByRole('textbox', { name: 'New label name' }).fill(name);
    await dialog.getByRole('button', { name: 'Add label' }).click();
    await expect(dialog.getByRole('list', { name: 'Your labels' }).getByRole('textbox', { name: `${name} name` })).toHaveValue(name);
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  const buttons = page.getByRole('toolbar', { name: 'Attest' }).getByRole('button');
  await expect(buttons.filter({ hasText: 'Needs context' })).toBeVisible();
  const outside = await buttons.evaluateAll((all) => all.filter((b) => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map((b) => b.textContent));
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
});
