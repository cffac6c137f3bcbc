import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { expectCount, openBulkArticle, tagWord } from './helpers.js';
import { ROOT } from './runtime.js';
import { selectedId } from '../support/frame-watch.js';

const status = (app: AttestApp) => app.page.getByRole('status').locator('span');
const highlight = (app: AttestApp, id: string) => app.page.locator(`.ProseMirror [data-annotation-id="${id}"]`).first();
const row = (app: AttestApp, id: string) => app.page.locator(`.annotation-item[data-annotation-id="${id}"]`);

test('an undo or redo far from the view selects the annotation it brought back, scrolls the reader and the panel to it, and says what it undid', async ({ app }) => {
  const ids = await openBulkArticle(app, 11, 0.3);
  const { page } = app;
  await page.locator('.ProseMirror').focus();
  // The last annotation, at the end of the article.
  await page.keyboard.press('p');
  const victim = ids.at(-1)!;
  await expect.poll(() => selectedId(page)).toBe(victim);
  await page.keyboard.press('Delete');
  await expect(page.getByRole('region', { name: 'Annotations' }).locator('h2').first()).toHaveText(`Annotations ${ids.length - 1}`);
  // Back to the top of the article and of the panel.
  await page.locator('.reader-pane').evaluate((pane) => pane.scrollTo(0, 0));
  await page.locator('.annotation-scroller').evaluate((scroller) => scroller.scrollTo(0, 0));
  await expect(highlight(app, ids[0])).toBeInViewport();

  await page.keyboard.press('Control+z');
  await expect(status(app)).toHaveText('Undone: Delete annotation.');
  await expect.poll(() => selectedId(page)).toBe(victim);
  await expect(highlight(app, victim)).toBeInViewport();
  await expect(highlight(app, victim)).toHaveClass(/hl-selected/);
  await expect(row(app, victim)).toBeInViewport();

  // Redo takes it away again: nothing stays selected, and the message says so.
  await page.keyboard.press('Control+Shift+z');
  await expect(status(app)).toHaveText('Redone: Delete annotation. The annotation is removed; nothing is selected.');
  await expect.poll(() => selectedId(page)).toBeNull();
  await expect(highlight(app, victim)).toHaveCount(0);
});

test('undoing a tag leaves nothing selected and says the annotation is removed; redoing it selects it again', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  const { page } = app;
  const tagged = await tagWord(page, 'beta', 'c', 1);

  await page.keyboard.press('Control+z');
  await expectCount(page, 0);
  await expect(status(app)).toHaveText('Undone: Tag as Claim. The annotation is removed; nothing is selected.');
  await expect.poll(() => selectedId(page)).toBeNull();

  await page.keyboard.press('Control+y');
  await expectCount(page, 1);
  await expect(status(app)).toHaveText('Redone: Tag as Claim.');
  await expect.poll(() => selectedId(page)).toBe(tagged);
  await expect(highlight(app, tagged)).toHaveClass(/hl-selected/);

  // Nothing left to redo: said, and the selection stays.
  await page.keyboard.press('Control+y');
  await expect(status(app)).toHaveText('Nothing to redo.');
  await expect.poll(() => selectedId(page)).toBe(tagged);
});
