import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { expectCount, panelRows, tagWord } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('keyboard only: select by word, tag a quote and a source, jump back, attribute the quote, see all keys', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  const keys = page.keyboard;
  // `"We will win," said Mayor Jane Roe. …`: the caret after the opening quotation mark.
  await page.locator('.ProseMirror').focus();
  await keys.press('Control+Home');
  await keys.press('ArrowRight');
  for (let i = 0; i < 3; i++) await keys.press('Control+Shift+ArrowRight');
  await keys.press('Shift+ArrowRight');
  await keys.press('q');
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,']]);
  // From after the quote: past `" said `, then three words.
  for (let i = 0; i < 2; i++) await keys.press('Control+ArrowRight');
  await keys.press('ArrowRight');
  for (let i = 0; i < 3; i++) await keys.press('Control+Shift+ArrowRight');
  await keys.press('s');
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Source', 'Mayor Jane Roe']]);

  // The source is selected; the previous annotation is the quote.
  await keys.press('p');
  const details = page.getByRole('region', { name: 'Annotation', exact: true });
  await expect(details.locator('.details-exact')).toHaveText('We will win,');
  await keys.press('a');
  const attributedTo = details.getByLabel('Attributed to');
  await expect(attributedTo).toBeFocused();
  await attributedTo.press('ArrowDown');
  // Committed when the select loses focus (Esc goes back to the reader), or on Enter.
  await keys.press('Escape');
  await expect(page.locator('.ProseMirror')).toBeFocused();
  await expect(page.locator('.annotation-item .attribution')).toHaveText('→ Mayor Jane Roe');
  await expect(page.locator('.ProseMirror .hl-source')).toHaveClass(/hl-linked/);

  // Enter opens the details (the Type choice); `]` moves on, wrapping around.
  await keys.press('Enter');
  await expect(details.getByLabel('Type')).toBeFocused();
  await keys.press('Escape');
  await keys.press(']');
  await expect(details.locator('.details-exact')).toHaveText('Mayor Jane Roe');

  await keys.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard keys' });
  await expect(overlay).toBeVisible();
  for (const action of ['Next / previous annotation', 'Go to the start / end of the article', 'Find in the article: Enter / Shift+Enter for the next / previous match, Esc selects it to tag', "Open the annotation's details", 'Attribute the annotation to a source', 'Delete the annotation', 'Undo the last annotation change']) {
    await expect(overlay.getByRole('row').filter({ hasText: action })).toHaveCount(1);
  }
  await keys.press('Escape');
  await expect(overlay).toHaveCount(0);
  // Delete in it deletes nothing; `?` again closes it too, and so does a click beside it (not one inside it).
  await keys.press('?');
  await expect(overlay).toBeVisible();
  await keys.press('Delete');
  // (The selected annotation is a source with a quote attributed to it: a delete would ask first.)
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectCount(page, 2);
  await expect(overlay).toBeVisible();
  await keys.press('?');
  await expect(overlay).toHaveCount(0);
  await keys.press('?');
  await overlay.getByRole('heading', { name: 'Keyboard keys' }).click();
  await expect(overlay).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(overlay).toHaveCount(0);
  await expectCount(page, 2);
});

test('keyboard only: ) extends the selection to the end of the sentence, ( to its start', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  const keys = page.keyboard;
  await page.locator('.ProseMirror').focus();
  await keys.press('Control+Home');
  await keys.press(')');
  await keys.press('c');
  await expect.poll(() => panelRows(page)).toEqual([['Claim', '"We will win," said Mayor Jane Roe.']]);
  // Tagging leaves the caret after the sentence; past the space and `The `, then to the sentence's end.
  for (let i = 0; i < 5; i++) await keys.press('ArrowRight');
  await keys.press(')');
  await keys.press('q');
  await expect.poll(() => panelRows(page)).toContainEqual(['Quote', 'council called it certain.']);
  // From the end of that sentence, `(` reaches back to its start.
  await keys.press('(');
  await keys.press('s');
  await expect.poll(() => panelRows(page)).toEqual([
    ['Claim', '"We will win," said Mayor Jane Roe.'],
    ['Source', 'The council called it certain.'],
    ['Quote', 'council called it certain.'],
  ]);
});

test('keyboard only: from the Type choice Tab reaches the boundary buttons before the note; Esc in the panel goes back to the reader, after clearing a filter', async ({ app }) => {
  await app.openArticle(fixture('attribution.txt'));
  const { page } = app;
  const keys = page.keyboard;
  await tagWord(page, 'win', 'q', 1);
  await keys.press('Enter');
  const details = page.getByRole('region', { name: 'Annotation', exact: true });
  await expect(details.getByLabel('Type')).toBeFocused();
  await keys.press('Tab');
  await expect(details.getByLabel('Attributed to')).toBeFocused();
  await keys.press('Tab');
  await expect(details.getByRole('button', { name: 'Extend start by a word' })).toBeFocused();

  const reader = page.locator('.ProseMirror');
  await page.locator('.annotation-item').first().focus();
  await keys.press('Escape');
  await expect(reader).toBeFocused();
  const filter = page.getByRole('searchbox', { name: 'Filter annotations' });
  await filter.fill('win');
  await keys.press('Escape');
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('');
  await keys.press('Escape');
  await expect(reader).toBeFocused();
});
