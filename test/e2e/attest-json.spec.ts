import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../../app/core/anchoring/describe.js';
import { toAnnotatedJson } from '../../app/core/formats/annotated-json.js';
import { expect, test } from './fixtures.js';
import { expectCount, exportedArticle, panelRows } from './helpers.js';

test('an Attest export opens as its article, with its annotations painted and its orphans listed', async ({ app }) => {
  const text = 'Officials denied it.\n\nThe report stands.';
  const time = '2026-01-01T00:00:00.000Z';
  const article = exportedArticle(text);
  const claim = { id: 'claim-1', type: 'claim' as const, target: describe(text, 10, 16), note: '', links: [], created: time, modified: time };
  const orphan = { id: 'lost-1', type: 'source' as const, target: { quote: { type: 'TextQuoteSelector' as const, exact: 'a spokesman', prefix: '', suffix: '' } }, note: '', links: [], created: time, modified: time, reason: 'gone' };
  const json = toAnnotatedJson(article, [claim], { generator: { name: 'Attest', version: 'e2e' }, exported: time }, [orphan]);
  const path = join(app.dataDir, 'denial.attest.json');
  writeFileSync(path, JSON.stringify(json));

  await app.openArticle(path);
  const { page } = app;
  await expect(page.locator('.ProseMirror p')).toHaveText(['Officials denied it.', 'The report stands.']);
  await expectCount(page, 1);
  expect(await panelRows(page)).toEqual([['Claim', 'denied']]);
  await expect(page.locator('.ProseMirror .hl-claim')).toHaveText('denied');
  await expect(page.getByRole('region', { name: 'Orphans' }).locator('.orphan-item .exact')).toHaveText(['a spokesman']);
});
