import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../../app/core/anchoring/describe.js';
import { toAnnotatedJson } from '../../app/core/formats/annotated-json.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { expectCount, exportedArticle } from './helpers.js';

const TIME = '2026-01-01T00:00:00.000Z';

/** An orphan of `type` quoting `exact`, with `note` and the `reason` it was not placed. */
function orphan(id: string, type: 'quote' | 'source', exact: string, note: string, reason: string) {
  return { id, type, target: { quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' } }, note, links: [], created: TIME, modified: TIME, reason };
}

/** Opens an Attest export of a short article: a claim attributed to an orphan source, and an orphan quote with a note. */
async function openWithOrphans(app: AttestApp): Promise<void> {
  const text = 'Officials denied it.\n\nThe report stands.';
  const article = exportedArticle(text);
  const claim = { id: 'claim-1', type: 'claim' as const, target: describe(text, 10, 16), note: '', links: [{ type: 'attributedTo' as const, target: 'lost-source' }], created: TIME, modified: TIME };
  const orphans = [orphan('lost-source', 'source', 'a spokesman', '', 'the quoted text is gone'), orphan('lost-quote', 'quote', 'we never said that', 'Said on the radio, 9 May.', 'the quoted text is gone')];
  const path = join(app.dataDir, 'denial.attest.json');
  writeFileSync(path, JSON.stringify(toAnnotatedJson(article, [claim], { generator: { name: 'Attest', version: 'e2e' }, exported: TIME }, orphans)));
  await app.openArticle(path);
  await expectCount(app.page, 1);
}

/** The ids of the open article's orphans in its store, as main last wrote it, sorted. */
async function storedOrphans(app: AttestApp): Promise<string[]> {
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  return JSON.parse(readFileSync(join(app.dataDir, 'articles', `${id}.json`), 'utf8')).orphans.map((o: { id: string }) => o.id).sort();
}

const orphansRegion = (app: AttestApp) => app.page.getByRole('region', { name: 'Orphans' });
const orphanItem = (app: AttestApp, exact: string) => orphansRegion(app).locator('.orphan-item').filter({ has: app.page.locator('.exact').getByText(exact, { exact: true }) });

test('an orphan shows why it was not placed and its note as text, and is deleted from the keyboard; Ctrl+Z brings it back', async ({ app }) => {
  await openWithOrphans(app);
  const { page } = app;
  const quote = orphanItem(app, 'we never said that');
  await expect(quote.locator('.orphan-reason')).toHaveText('Not placed: the quoted text is no longer in the article');
  await expect(quote.locator('.orphan-reason')).toBeVisible();
  await expect(quote.locator('.orphan-note')).toHaveText('Note: Said on the radio, 9 May.');
  await expect(quote.locator('.orphan-note')).toBeVisible();
  // Reached by Tab from the orphan before it.
  await orphanItem(app, 'a spokesman').getByRole('button').focus();
  await page.keyboard.press('Tab');
  await expect(quote.getByRole('button', { name: 'Delete orphan “we never said that”' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quote).toHaveCount(0);
  // Focus goes to the Delete in its place (here the one before it), not to <body>.
  await expect(orphanItem(app, 'a spokesman').getByRole('button')).toBeFocused();
  await expect.poll(() => storedOrphans(app)).toEqual(['lost-source']);
  await page.keyboard.press('Control+z');
  await expect(quote.locator('.orphan-note')).toHaveText('Note: Said on the radio, 9 May.');
  await expect.poll(() => storedOrphans(app)).toEqual(['lost-quote', 'lost-source']);
});

test('deleting an orphan source that a claim is attributed to asks first, as Delete does; undo brings the attribution back', async ({ app }) => {
  await openWithOrphans(app);
  const { page } = app;
  const attribution = page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item .attribution');
  await expect(attribution).toHaveText('→ a spokesman (orphan)');
  await orphanItem(app, 'a spokesman').getByRole('button', { name: 'Delete orphan “a spokesman”' }).click();
  const question = page.getByRole('alertdialog', { name: 'Delete this source?' });
  await question.getByRole('button', { name: /unattributed/ }).click();
  await expect(orphanItem(app, 'a spokesman')).toHaveCount(0);
  await expect(attribution).toHaveCount(0);
  await expect.poll(() => storedOrphans(app)).toEqual(['lost-quote']);
  await page.keyboard.press('Control+z');
  await expect(attribution).toHaveText('→ a spokesman (orphan)');
  await expect.poll(() => storedOrphans(app)).toEqual(['lost-quote', 'lost-source']);
});
