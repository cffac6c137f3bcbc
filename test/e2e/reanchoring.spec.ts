import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AttestApp } from './fixtures.js';
import { dragSelect, expectCount, panelRows, tagWith } from './helpers.js';

const FIRST = 'The tax rate rose. The fee rate fell.';
const SECOND = `Note: ${FIRST}`;
const THIRD = 'Note: The tax rate rose. The fee fell.';

/** Rewrites the file at `path` with `text` and opens it again through File > Open; waits for that text. */
async function rewriteAndReopen(app: AttestApp, path: string, text: string): Promise<void> {
  writeFileSync(path, text);
  await app.openArticle(path);
  const id = createHash('sha256').update(text).digest('hex');
  await expect(app.page.locator(`.reader[data-article-id="${id}"]`)).toBeVisible();
}

/** The reader's text before the first highlight: where it starts, as the analyst sees it. */
function textBeforeHighlight(page: Page): Promise<string> {
  return page.evaluate(() => {
    const range = document.createRange();
    range.setStart(document.querySelector('.ProseMirror')!, 0);
    range.setEndBefore(document.querySelector('.ProseMirror .hl')!);
    return range.toString();
  });
}

test('a tagged span follows its text when the file changes, and becomes an orphan, listed and not painted, when its words are gone', async ({ app }) => {
  const path = join(app.dataDir, 'rates.txt');
  writeFileSync(path, FIRST);
  await app.openArticle(path);
  const { page } = app;
  await dragSelect(page, 'rate', 'rate', { occurrence: 1 });
  await tagWith(page, 'Claim');
  await expectCount(page, 1);
  expect(await textBeforeHighlight(page)).toBe('The tax rate rose. The fee ');

  await rewriteAndReopen(app, path, SECOND);
  await expectCount(page, 1);
  await expect(page.locator('.ProseMirror .hl')).toHaveText('rate');
  expect(await textBeforeHighlight(page)).toBe('Note: The tax rate rose. The fee ');
  await expect(page.getByRole('region', { name: 'Orphans' })).toHaveCount(0);

  await rewriteAndReopen(app, path, THIRD);
  await expectCount(page, 0);
  await expect(page.locator('.ProseMirror .hl')).toHaveCount(0);
  const orphans = page.getByRole('region', { name: 'Orphans' });
  await expect(orphans).toBeVisible();
  await expect(orphans.locator('.orphan-item')).toHaveCount(1);
  await expect(orphans.locator('.orphan-item .badge')).toHaveText('Claim');
  await expect(orphans.locator('.orphan-item .exact')).toHaveText('rate');
  expect(await panelRows(page)).toEqual([]);
});
