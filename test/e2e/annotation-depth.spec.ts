import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportProblems } from '../support/check-export.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { doubleClickWord, dragSelect, expectCount, exportTo, panelRows, rowsThatDoNotFit, tabWalk, tagQuoteAndSource, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

/** The annotations in the open article's store file, as main last wrote it; null before main first writes it. */
async function storedAnnotations(app: AttestApp): Promise<any[] | null> {
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  const path = join(app.dataDir, 'articles', `${id}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).annotations : null;
}

const storedSpans = async (app: AttestApp) => (await storedAnnotations(app))?.map((a) => [a.type, a.target.position.start, a.target.position.end]);

const details = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotation', exact: true });
/** The panel row whose quoted text is `exact`. */
const row = (app: AttestApp, exact: string) =>
  app.page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item').filter({ has: app.page.locator('.exact').getByText(exact, { exact: true }) });
const selectRow = (app: AttestApp, exact: string) => row(app, exact).click();

/** Tags the quote and its speaker, attributes the quote to the speaker, and selects the speaker (a source). */
async function tagAttributedQuote(app: AttestApp): Promise<void> {
  await tagQuoteAndSource(app);
  await selectRow(app, 'We will win,');
  await details(app).getByLabel('Attributed to').selectOption({ label: 'Mayor Jane Roe' });
  await selectRow(app, 'Mayor Jane Roe');
}

test('Alpha beta gamma.: tag beta as Claim, delete, undo, redo: 1 → 0 → [6,10] back → 0 in the panel, the reader and the store', async ({ app }) => {
  await app.openArticle(fixture('alpha-beta.txt'));
  const { page } = app;
  await doubleClickWord(page, 'beta');
  await tagWith(page, 'Claim');
  await expectCount(page, 1);
  await expect.poll(() => storedSpans(app)).toEqual([['claim', 6, 10]]);
  await details(app).getByRole('button', { name: 'Delete' }).click();
  await expectCount(page, 0);
  await expect(page.locator('.ProseMirror .hl')).toHaveCount(0);
  await expect.poll(() => storedSpans(app)).toEqual([]);

  await page.keyboard.press('Control+z');
  await expectCount(page, 1);
  await expect.poll(() => panelRows(page)).toEqual([['Claim', 'beta']]);
  await expect(page.locator('.ProseMirror .hl-claim')).toHaveText('beta');
  await expect.poll(() => storedSpans(app)).toEqual([['claim', 6, 10]]);

  await page.keyboard.press('Control+Shift+z');
  await expectCount(page, 0);
  await expect(page.locator('.ProseMirror .hl')).toHaveCount(0);
  await expect.poll(() => storedSpans(app)).toEqual([]);
  // Ctrl+Y redoes too.
  await page.keyboard.press('Control+z');
  await expectCount(page, 1);
  await page.keyboard.press('Control+y');
  await expectCount(page, 0);

  await app.restart();
  await app.openArticle(fixture('alpha-beta.txt'));
  expect(await storedAnnotations(app)).toEqual([]);
  await expectCount(app.page, 0);
});

test('a quote attributed to a source through the details region: marked in the reader and the panel, kept after restart, in the export', async ({ app }) => {
  await tagQuoteAndSource(app);
  const { page } = app;
  const sourceId = await page.locator('.ProseMirror .hl-source').getAttribute('data-annotation-id');
  await selectRow(app, 'We will win,');
  await details(app).getByLabel('Attributed to').selectOption({ label: 'Mayor Jane Roe' });
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
  // The source has a line of its own, under the quote's first, inside the row.
  const [quoteBox, sourceBox] = await Promise.all(['.exact', '.attribution'].map((part) => row(app, 'We will win,').locator(part).boundingBox()));
  expect(sourceBox!.y).toBeGreaterThanOrEqual(quoteBox!.y + quoteBox!.height - 0.5);
  expect(await rowsThatDoNotFit(page)).toEqual([]);
  // The selected quote marks its source, and the selected source marks its quote.
  await expect(page.locator('.ProseMirror .hl-source')).toHaveClass(/hl-linked/);
  await selectRow(app, 'Mayor Jane Roe');
  await expect(page.locator('.ProseMirror .hl-quote')).toHaveClass(/hl-linked/);
  await expect(page.locator('.ProseMirror .hl-source')).not.toHaveClass(/hl-linked/);
  // Hovering does it too.
  await page.getByRole('region', { name: 'Annotations' }).locator('h2').click();
  await page.locator('.ProseMirror .hl-quote').hover();
  await expect(page.locator('.ProseMirror .hl-source')).toHaveClass(/hl-linked/);

  await app.restart();
  await app.openArticle(fixture('attribution.txt'));
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
  const json = await exportTo(app, 'export.json');
  expect(exportProblems(json)).toEqual([]);
  expect(json.annotations.find((a: any) => a.type === 'quote').links).toEqual([{ type: 'attributedTo', target: sourceId }]);
});

test('a note is saved as it is typed, kept after restart and exported; the span is adjusted by word', async ({ app }) => {
  await tagQuoteAndSource(app);
  const { page } = app;
  await selectRow(app, 'Mayor Jane Roe');
  const note = details(app).getByRole('textbox', { name: 'Note' });
  await note.fill('Mayor since 2020.\nSpoke at the rally.');
  await expect.poll(async () => (await storedAnnotations(app))?.find((a) => a.type === 'source')?.note).toBe('Mayor since 2020.\nSpoke at the rally.');
  await details(app).getByRole('button', { name: 'Shrink start by a word' }).click();
  await expect(page.locator('.ProseMirror .hl-source')).toHaveText('Jane Roe');
  await details(app).getByRole('button', { name: 'Extend end by a word' }).click();
  await expect(page.locator('.ProseMirror .hl-source')).toHaveText('Jane Roe. The');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.ProseMirror .hl-source')).toHaveText('Jane Roe');
  await details(app).getByLabel('Type').selectOption({ label: 'Claim' });
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Claim', 'Jane Roe']]);

  await app.restart();
  await app.openArticle(fixture('attribution.txt'));
  await selectRow(app, 'Jane Roe');
  await expect(details(app).getByRole('textbox', { name: 'Note' })).toHaveValue('Mayor since 2020.\nSpoke at the rally.');
  const json = await exportTo(app, 'export.json');
  expect(json.annotations.find((a: any) => a.type === 'claim').note).toBe('Mayor since 2020.\nSpoke at the rally.');
});

test('deleting a source asks what to do with its quotes; undo brings both back', async ({ app }) => {
  await tagAttributedQuote(app);
  const { page } = app;
  await details(app).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this source?' });
  await expect(dialog).toContainText('1 annotation is attributed to it.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expectCount(page, 2);
  await details(app).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('button')).toHaveText(['Keep it, unattributed', 'Delete it too', 'Cancel']);
  await dialog.getByRole('button', { name: 'Keep it, unattributed' }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,']]);
  await expect(page.locator('.annotation-item .attribution')).toHaveCount(0);
  await expect.poll(async () => (await storedAnnotations(app))?.map((a) => a.links)).toEqual([[]]);
  await page.keyboard.press('Control+z');
  await expectCount(page, 2);
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
});

test('Tab stays in the question about deleting a source; Cancel gives focus back to Delete', async ({ app }) => {
  await tagAttributedQuote(app);
  const { page } = app;
  const remove = details(app).getByRole('button', { name: 'Delete' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('alertdialog', { name: 'Delete this source?' });
  await expect(question.getByRole('button', { name: 'Keep it, unattributed' })).toBeFocused();
  expect(await tabWalk(page, '.dialog', 8)).toEqual(Array(8).fill(true));
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expectCount(page, 2);
});

test('changing a source to another type asks first, as its quotes lose their attribution; Cancel keeps both, undo brings both back', async ({ app }) => {
  await tagAttributedQuote(app);
  const { page } = app;
  const type = details(app).getByLabel('Type');
  await type.focus();
  await type.selectOption({ label: 'Claim' });
  const dialog = page.getByRole('alertdialog', { name: 'Change this source to Claim?' });
  await expect(dialog).toContainText('1 annotation is attributed to it.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(type).toHaveValue('source');
  await expect(type).toBeFocused();
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Source', 'Mayor Jane Roe']]);
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');

  await type.selectOption({ label: 'Claim' });
  await dialog.getByRole('button', { name: 'Change to Claim' }).click();
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Claim', 'Mayor Jane Roe']]);
  await expect(page.locator('.annotation-item .attribution')).toHaveCount(0);
  await expect.poll(async () => (await storedAnnotations(app))?.map((a) => [a.type, a.links])).toEqual([['quote', []], ['claim', []]]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Source', 'Mayor Jane Roe']]);
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
});

test('a quote attributed to a source whose words are gone from the file names that orphan source in its row and its details, not "none"', async ({ app }) => {
  const path = join(app.dataDir, 'speech.txt');
  const speaker = 'Mayor Jane Roe spoke at noon in the square. ';
  const rest = 'The council met later that day to count the votes. "We will win," she said at the close. Critics disagree.';
  writeFileSync(path, speaker + rest);
  await app.openArticle(path);
  const { page } = app;
  await dragSelect(page, 'We will win,');
  await tagWith(page, 'Quote');
  await dragSelect(page, 'Mayor Jane Roe');
  await tagWith(page, 'Source');
  await expectCount(page, 2);
  const sourceId = await page.locator('.ProseMirror .hl-source').getAttribute('data-annotation-id');
  await selectRow(app, 'We will win,');
  await details(app).getByLabel('Attributed to').selectOption({ label: 'Mayor Jane Roe' });
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');

  // The speaker's sentence is taken out of the file: the source becomes an orphan, the quote stays.
  writeFileSync(path, rest);
  await app.openArticle(path);
  await expect(page.getByRole('region', { name: 'Orphans' }).locator('.orphan-item .exact')).toHaveText('Mayor Jane Roe');
  await expectCount(page, 1);
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe (orphan)');
  await selectRow(app, 'We will win,');
  const attributedTo = details(app).getByLabel('Attributed to');
  await expect(attributedTo).toHaveValue(sourceId!);
  await expect(attributedTo.locator('option:checked')).toHaveText('Mayor Jane Roe (an orphan: its text is gone from the file)');
  await expect(attributedTo.locator('option:checked')).toBeDisabled();
  // The link can still be taken off.
  await attributedTo.selectOption({ label: 'none' });
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveCount(0);
  await expect.poll(async () => (await storedAnnotations(app))?.find((a) => a.type === 'quote')?.links).toEqual([]);
});
