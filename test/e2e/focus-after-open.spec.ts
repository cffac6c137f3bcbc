import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { panelRows } from './helpers.js';
import { ROOT } from './runtime.js';

// After an article opens from the keyboard, its reader has the keyboard: the keys that select
// and tag work without a Tab through the toolbar first.

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('an article opened with Ctrl+O takes the keyboard: a word selected with Shift+Ctrl+Right is tagged by its key', async ({ app }) => {
  const { page } = app;
  await app.answerDialogs({ open: [fixture('attribution.txt')] });
  await page.keyboard.press('Control+o');
  await expect(page.locator('.ProseMirror')).toBeFocused();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('c');
  await expect.poll(() => panelRows(page)).toEqual([['Claim', 'We']]);
});

test('an article opened by Enter on a library row takes the keyboard', async ({ app }) => {
  const { page } = app;
  const dir = mkdtempSync(join(tmpdir(), 'attest-e2e-focus-'));
  copyFileSync(fixture('library/rail-fares.html'), join(dir, 'rail-fares.html'));
  await page.getByRole('toolbar').getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('region', { name: 'Library' });
  await app.answerDialogs({ folder: dir });
  await library.getByRole('button', { name: 'Add folder…' }).click();
  const open = library.locator('tr[data-path$="/rail-fares.html"] .library-open');
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(library).toHaveCount(0);
  await expect(page.locator('.ProseMirror')).toBeFocused();
});
