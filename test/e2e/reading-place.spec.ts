import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareByPosition, type Annotation } from '../../app/core/annotation.js';
import type { Article } from '../../app/core/article.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { openBulkArticle } from './helpers.js';
import { selectedId } from '../support/frame-watch.js';

/** The open article's stored text blocks and annotations, the annotations in the reader's order. */
async function stored(app: AttestApp): Promise<{ article: Article; sorted: Annotation[] }> {
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  const record = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${id}.json`), 'utf8'));
  return { article: record.article, sorted: [...record.annotations].sort(compareByPosition) };
}

/**
 * Clicks paragraph `n` of the reader on the left half of its first character (outside every
 * highlight), once it stands still in view (Playwright waits for that): the caret at its start.
 */
async function clickParagraphStart(app: AttestApp, n: number): Promise<void> {
  await app.page.locator('.ProseMirror p').nth(n).click({ position: { x: 2, y: 6 } });
  // The caret is at the paragraph's start: no text of it before the caret.
  const caret = () =>
    app.page.evaluate((n) => {
      const p = document.querySelectorAll('.ProseMirror p')[n];
      const selection = getSelection()!;
      if (!selection.isCollapsed || !selection.focusNode || !p.contains(selection.focusNode)) return -1;
      const before = document.createRange();
      before.setStart(p, 0);
      before.setEnd(selection.focusNode, selection.focusOffset);
      return before.toString().length;
    }, n);
  await expect.poll(caret).toBe(0);
}

/**
 * The first paragraph from paragraph `from` on (`step` 1) or back (-1), by default from the
 * middle of the article, whose start no annotation covers: its index and canonical start.
 */
function plainParagraph(article: Article, sorted: readonly Annotation[], from?: number, step: 1 | -1 = 1): { n: number; start: number } {
  const paragraphs = article.blocks.filter((b) => b.type === 'paragraph');
  for (let n = from ?? Math.floor(paragraphs.length / 2); n >= 0 && n < paragraphs.length; n += step) {
    const { start } = paragraphs[n];
    if (!sorted.some((a) => a.target.position.start <= start && a.target.position.end > start)) return { n, start };
  }
  throw new Error(`no paragraph from ${from} on starts outside the annotations`);
}

test('with nothing selected, N and P go to the annotations after and before the caret, not to the ends of the article', async ({ app }) => {
  await openBulkArticle(app, 11, 0.3);
  const { article, sorted } = await stored(app);
  const { n, start } = plainParagraph(article, sorted);
  const after = sorted.findIndex((a) => a.target.position.start >= start);
  expect(after).toBeGreaterThan(0);
  const highlight = (id: string) => app.page.locator(`.ProseMirror [data-annotation-id="${id}"]`).first();
  // P from another paragraph's start (two clicks on one spot would be a double click).
  const other = plainParagraph(article, sorted, n - 1, -1);
  const beforeOther = sorted.findIndex((a) => a.target.position.start >= other.start) - 1;

  for (const [p, key, expected] of [[n, 'n', sorted[after]], [other.n, 'p', sorted[beforeOther]]] as const) {
    await clickParagraphStart(app, p);
    await expect.poll(() => selectedId(app.page)).toBeNull();
    await app.page.keyboard.press(key);
    await expect.poll(() => selectedId(app.page)).toBe(expected.id);
    await expect(highlight(expected.id)).toBeInViewport();
  }

  // No caret in the reader (nor anywhere): N goes to the first annotation in view, not to the article's first.
  await clickParagraphStart(app, n);
  await app.page.evaluate(() => {
    getSelection()!.removeAllRanges();
    (document.activeElement as HTMLElement).blur();
  });
  const scrolled = () => app.page.locator('.reader-pane').evaluate((pane) => pane.scrollTop);
  const before = await scrolled();
  await app.page.keyboard.press('n');
  await expect.poll(() => selectedId(app.page)).not.toBeNull();
  const id = (await selectedId(app.page))!;
  const i = sorted.findIndex((a) => a.id === id);
  // It started on the top line in view or below it; the annotation before it above that line or on it.
  const moved = (await scrolled()) - before;
  const tops = await app.page.evaluate(([id, previous]) => {
    const top = (id: string) => document.querySelector(`.ProseMirror [data-annotation-id="${id}"]`)!.getBoundingClientRect().top;
    const line = parseFloat(getComputedStyle(document.querySelector('.ProseMirror p')!).lineHeight);
    return { view: document.querySelector('.reader-pane')!.getBoundingClientRect().top, line, id: top(id), previous: top(previous) };
  }, [id, sorted[i - 1].id]);
  expect(tops.id + moved).toBeGreaterThan(tops.view - tops.line);
  expect(tops.previous + moved).toBeLessThan(tops.view + tops.line);
  await expect(highlight(id)).toBeInViewport();
});

test('right after a delete, N and P go to the annotations after and before the deleted one, wherever the caret is', async ({ app }) => {
  await openBulkArticle(app, 11, 0.3);
  const { article, sorted } = await stored(app);
  const { n, start } = plainParagraph(article, sorted);
  const first = sorted.findIndex((a) => a.target.position.start >= start);
  // Five annotations on from the caret: the caret's own neighbours are not the deleted one's.
  const victim = first + 4;
  const row = app.page.locator(`.annotation-item[data-annotation-id="${sorted[victim].id}"]`);
  // Where the caret is when the victim is deleted: a paragraph before (two clicks on one spot would be a double click).
  const before = plainParagraph(article, sorted, n - 1, -1).n;
  for (const [key, expected] of [['n', sorted[victim + 1]], ['p', sorted[victim - 1]]] as const) {
    // The panel shows the victim's row; then the caret goes to an earlier paragraph's start.
    await clickParagraphStart(app, n);
    for (let i = 0; i < 5; i++) await app.page.keyboard.press('n');
    await expect.poll(() => selectedId(app.page)).toBe(sorted[victim].id);
    await clickParagraphStart(app, before);
    await expect.poll(() => selectedId(app.page)).toBeNull();
    // Selected in the panel and deleted there: the caret stays at that paragraph's start.
    await row.click();
    await expect.poll(() => selectedId(app.page)).toBe(sorted[victim].id);
    await app.page.keyboard.press('Delete');
    await expect(row).toHaveCount(0);
    await expect.poll(() => selectedId(app.page)).toBeNull();
    await app.page.keyboard.press(key);
    await expect.poll(() => selectedId(app.page)).toBe(expected.id);
    // Put it back for the other key.
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => selectedId(app.page)).toBe(sorted[victim].id);
  }
});
