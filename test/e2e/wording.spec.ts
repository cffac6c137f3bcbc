import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { doubleClickWord, dragSelect, expectCount, tagQuoteAndSource, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

const details = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotation', exact: true });
const panel = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotations' });
const row = (app: AttestApp, exact: string) => panel(app).locator('.annotation-item').filter({ has: app.page.locator('.exact').getByText(exact, { exact: true }) });

test('the delete-source question speaks of two attributed annotations in the plural', async ({ app }) => {
  await tagQuoteAndSource(app);
  const { page } = app;
  await dragSelect(page, 'The council called it certain.');
  await tagWith(page, 'Claim');
  await expectCount(page, 3);
  for (const exact of ['We will win,', 'The council called it certain.']) {
    await row(app, exact).click();
    await details(app).getByLabel('Attributed to').selectOption({ label: 'Mayor Jane Roe' });
    await expect(row(app, exact).locator('.attribution')).toHaveText('→ Mayor Jane Roe');
  }
  await row(app, 'Mayor Jane Roe').click();
  await details(app).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this source?' });
  await expect(dialog).toContainText('2 annotations are attributed to it.');
  await expect(dialog.getByRole('button')).toHaveText(['Keep them, unattributed', 'Delete them too', 'Cancel']);
});

test('the panel header says how many rows a filter shows of how many', async ({ app }) => {
  await tagQuoteAndSource(app);
  await expect(panel(app).locator('h2').first()).toHaveText('Annotations 2');
  await panel(app).getByRole('group', { name: 'Show types' }).getByRole('button', { name: /Quote/ }).click();
  await expect(panel(app).locator('.annotation-item')).toHaveCount(1);
  await expect(panel(app).locator('h2').first()).toHaveText('Annotations 1 of 2');
});

test('a boundary button with no word to move by says why nothing changed', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  const { page } = app;
  await doubleClickWord(page, 'beta');
  await tagWith(page, 'Claim');
  await expectCount(page, 1);
  await details(app).getByRole('button', { name: 'Shrink start by a word' }).click();
  await expect(page.locator('.message-info')).toContainText('Nothing changed: the span is one word, and a span keeps at least one.');
  await details(app).getByRole('button', { name: 'Extend start by a word' }).click();
  await expect(page.locator('.ProseMirror .hl-claim')).toHaveText('Alpha beta');
  // The step that moved leaves no stale "nothing changed" behind.
  await expect(page.locator('.message-info')).toHaveCount(0);
  await details(app).getByRole('button', { name: 'Extend start by a word' }).click();
  await expect(page.locator('.message-info')).toContainText('Nothing changed: there is no word before the span.');
});
