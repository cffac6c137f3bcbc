import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { LONG_QUOTE, SHORT_QUOTE } from '../../renderer/src/components/quote-text.js';
import { exportProblems } from '../support/check-export.js';
import { largeText } from '../support/large-text.js';
import { expect, test } from './fixtures.js';
import { expectCount, exportTo } from './helpers.js';

test('a span of a whole long article (Ctrl+A, C): its row and its details show the start of its text, the details say how long it is, the export holds it whole', async ({ app }) => {
  const path = join(app.dataDir, 'long.txt');
  writeFileSync(path, largeText(60_000));
  await app.openArticle(path);
  const { page } = app;
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('c');
  await expectCount(page, 1);

  const json = await exportTo(app, 'long.json');
  expect(exportProblems(json)).toEqual([]);
  const [claim] = json.annotations;
  expect(claim.exact.length).toBeGreaterThan(60_000);
  expect(json.article.text.slice(claim.start, claim.end)).toBe(claim.exact);

  const row = page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item .exact');
  await expect(row).toHaveText(`${claim.exact.slice(0, SHORT_QUOTE)}…`);
  const details = page.getByRole('region', { name: 'Annotation', exact: true });
  await expect(details.locator('.details-exact')).toHaveText(`${claim.exact.slice(0, LONG_QUOTE)}…`);
  await expect(details.locator('.details-length')).toHaveText(`${claim.exact.length.toLocaleString('en')} characters, the first 2,000 shown (exports hold them all)`);
});
