import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportProblems } from '../support/check-export.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { clickInside, doubleClickWord, dragSelect, expectCount, panelRows, tagOverlappingSpans, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

async function exportJson(app: AttestApp): Promise<any> {
  const out = join(app.dataDir, `export-${Date.now()}.json`);
  await app.answerDialogs({ save: out });
  await app.page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.page.getByRole('status')).toContainText('Exported to');
  const json = JSON.parse(readFileSync(out, 'utf8'));
  expect(exportProblems(json)).toEqual([]);
  return json;
}

test('emoji: CLAIM is UTF-16 [11,16] and code points [10,15]; a selection never splits an emoji', async ({ app }) => {
  await app.openArticle(fixture('emoji.txt'));
  await dragSelect(app.page, 'CLAIM');
  await tagWith(app.page, 'Claim');
  await dragSelect(app.page, '😀', 'the');
  await tagWith(app.page, 'Quote');
  await expectCount(app.page, 2);
  const json = await exportJson(app);
  const byType = Object.fromEntries(json.annotations.map((a: any) => [a.type, a]));
  expect([byType.claim.start, byType.claim.end, byType.claim.startCodePoint, byType.claim.endCodePoint]).toEqual([11, 16, 10, 15]);
  expect(byType.quote.exact).toBe('😀 the');
  expect([byType.quote.start, byType.quote.end, byType.quote.startCodePoint, byType.quote.endCodePoint]).toEqual([4, 10, 4, 9]);
});

test('CRLF file: offsets count in the canonical text, and the export carries that text', async ({ app }) => {
  await app.openArticle(fixture('crlf.txt'));
  await dragSelect(app.page, 'Officials', 'weather');
  await tagWith(app.page, 'Claim');
  const json = await exportJson(app);
  expect(json.article.text).toBe('Budget report\n\nThe deficit grew by 4%.\nOfficials blamed\nthe weather.\n\nNothing else changed.');
  expect(json.annotations[0].exact).toBe('Officials blamed\nthe weather');
});

test('NBSP and double spaces: exact is the slice of the exported text', async ({ app }) => {
  await app.openArticle(fixture('nbsp.txt'));
  await dragSelect(app.page, 'rose', 'in');
  await tagWith(app.page, 'Claim');
  const json = await exportJson(app);
  expect(json.article.text).toBe('Rates  rose 2\u00A0%  in May.');
  expect(json.annotations[0].exact).toBe('rose 2\u00A0%  in');
});

test('a highlight across link and bold boundaries covers "text here" whole', async ({ app }) => {
  await app.openArticle(fixture('link-bold.html'));
  await dragSelect(app.page, 'text', 'here');
  await tagWith(app.page, 'Quote');
  await expectCount(app.page, 1);
  const painted = await app.page.locator('.ProseMirror .hl-quote').evaluateAll((els) => els.map((e) => e.textContent).join(''));
  expect(painted).toBe('text here');
  await expect(app.page.locator('.ProseMirror .link .hl-quote, .ProseMirror .hl-quote .link, .ProseMirror strong .hl-quote, .ProseMirror .hl-quote strong')).not.toHaveCount(0);
  const json = await exportJson(app);
  expect(json.annotations[0].exact).toBe('text here');
});

test('a span from the first to the third paragraph highlights the middle one and includes the separators', async ({ app }) => {
  await app.openArticle(fixture('three-paragraphs.txt'));
  await dragSelect(app.page, 'First one', 'Third one');
  await tagWith(app.page, 'Claim');
  const paragraphs = app.page.locator('.ProseMirror > *');
  await expect(paragraphs).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(paragraphs.nth(i).locator('.hl-claim')).toHaveCount(1);
  await expect(paragraphs.nth(1).locator('.hl-claim')).toHaveText('Second one');
  const json = await exportJson(app);
  expect(json.annotations[0].exact).toBe('First one\n\nSecond one\n\nThird one');
});

test('three overlapping spans stay visible; a click inside "tax" offers all three; deleting the claim leaves two', async ({ app }) => {
  await tagOverlappingSpans(app);
  const { page } = app;
  for (const type of ['claim', 'quote', 'source']) await expect(page.locator(`.ProseMirror .hl-${type}`).first()).toBeVisible();
  const json = await exportJson(app);
  expect(json.annotations.map((a: any) => [a.type, a.start, a.end])).toEqual([['claim', 0, 23], ['source', 4, 11], ['quote', 8, 16]]);

  await page.keyboard.press('Escape');
  await clickInside(page, 'tax');
  const menu = page.getByRole('menu', { name: 'Annotations here' });
  await expect(menu.getByRole('menuitem')).toHaveCount(3);
  await menu.getByRole('menuitem', { name: /Claim/ }).click();
  await expect(page.locator('.annotation-item.selected .badge')).toHaveText('Claim');
  await page.keyboard.press('Delete');
  await expectCount(page, 2);
  expect(await panelRows(page)).toEqual([['Source', 'new tax'], ['Quote', 'tax plan']]);
  await expect(page.locator('.ProseMirror .hl-claim')).toHaveCount(0);
});

test('double-clicking "denied" tags the word, not its trailing space', async ({ app }) => {
  await app.openArticle(fixture('officials.txt'));
  await doubleClickWord(app.page, 'denied');
  await app.page.keyboard.press('c');
  await expectCount(app.page, 1);
  const json = await exportJson(app);
  expect([json.annotations[0].exact, json.annotations[0].start, json.annotations[0].end]).toEqual(['denied', 10, 16]);
});

test('clicking a panel row selects that annotation in the reader', async ({ app }) => {
  await app.openArticle(fixture('three-paragraphs.txt'));
  await dragSelect(app.page, 'Second one');
  await tagWith(app.page, 'Source');
  await app.page.keyboard.press('Escape');
  await app.page.getByRole('region', { name: 'Annotations' }).getByRole('button', { name: /Second one/ }).click();
  await expect(app.page.locator('.ProseMirror .hl-selected')).toHaveText('Second one');
});
