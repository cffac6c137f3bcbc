import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { ROOT } from './runtime.js';

// Export… and Import… keep the keyboard's place while main works, and a new export clears the
// message an earlier one left.

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('Export… pressed from the keyboard keeps focus; a failed export\'s message goes when the next one starts', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  const bar = page.getByRole('region', { name: 'Export and import' });
  const exportButton = bar.getByRole('button', { name: 'Export…' });
  const dir = mkdtempSync(join(tmpdir(), 'attest-e2e-export-'));
  await app.answerDialogs({ save: join(dir, 'missing', 'out.json') });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.message-error')).toContainText('The export was not written: the folder');
  await expect(exportButton).toBeFocused();
  await app.answerDialogs({ save: join(dir, 'out.json') });
  await page.keyboard.press('Enter');
  await expect(bar.getByRole('status')).toContainText(`to ${join(dir, 'out.json')}`);
  await expect(page.locator('.message-error')).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});
