import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateText } from '../../bench/generate.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { openBulkArticle, rowsThatDoNotFit } from './helpers.js';
import { pressUntilPainted, selectedId } from '../support/frame-watch.js';
import { selectParagraphStart } from '../support/select-by-script.js';

const panel = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotations' });
const highlight = (app: AttestApp, id: string) => app.page.locator(`.ProseMirror [data-annotation-id="${id}"]`).first();

test('a long article paints the highlights near the view; a row far down the panel scrolls the reader to its highlight, selected', async ({ app }) => {
  await openBulkArticle(app, 11, 0.3);
  await expect(highlight(app, 'bulk-0')).toBeInViewport();
  const painted = await app.page.locator('.ProseMirror .hl').count();
  expect(painted).toBeGreaterThan(10);
  expect(painted).toBeLessThan(1000);
  await expect(app.page.locator('.ProseMirror [data-annotation-id="bulk-4321"]')).toHaveCount(0);

  await panel(app).getByRole('searchbox', { name: 'Filter annotations' }).fill('needle');
  await panel(app).locator('.annotation-item').click();
  await expect(highlight(app, 'bulk-4321')).toBeInViewport();
  await expect(highlight(app, 'bulk-4321')).toHaveClass(/hl-selected/);
  // The reader keeps only the part near the view (and the selection's block) painted.
  await expect.poll(() => app.page.locator('.ProseMirror .hl').count()).toBeLessThan(1000);

  // Scrolled by hand far from both, the part in view is painted.
  await app.page.locator('.reader-pane').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight * 0.25));
  const inView = () =>
    app.page.evaluate(() => [...document.querySelectorAll('.ProseMirror .hl')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }).length);
  await expect.poll(inView).toBeGreaterThan(5);
});

test('in a long article the keys go to the last annotation, the first and the last again, each in view; a span tagged there is painted', async ({ app }) => {
  const ids = await openBulkArticle(app, 11, 0.3);
  const last = ids.at(-1)!;
  await app.page.locator('.ProseMirror').focus();
  for (const [key, id] of [['p', last], ['n', ids[0]], ['p', last]]) {
    await app.page.keyboard.press(key);
    await expect(highlight(app, id)).toBeInViewport();
    await expect(highlight(app, id)).toHaveClass(/hl-selected/);
  }

  // Tag the first word of the last paragraph, now in view.
  const word = await app.page.evaluate(() => {
    const p = [...document.querySelectorAll('.ProseMirror p')].at(-1)!;
    const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const length = text.data.indexOf(' ');
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return text.data.slice(0, length);
  });
  await app.page.keyboard.press('c');
  await expect(panel(app).locator('h2').first()).toHaveText(`Annotations ${ids.length + 1}`);
  await expect(app.page.locator('.ProseMirror p').last().locator('.hl-claim.hl-selected')).toHaveText(word);

  // A selection made by script in a paragraph far from the view (as the benchmark does) is tagged and painted too.
  for (const [n, key] of [[100, 'q'], [200, 's']] as const) {
    const far = await selectParagraphStart(app.page, n);
    await app.page.keyboard.press(key);
    await expect(app.page.locator('.ProseMirror p').nth(n).locator('.hl-selected')).toHaveText(far);
  }
  await expect(panel(app).locator('h2').first()).toHaveText(`Annotations ${ids.length + 3}`);
});

test('a span tagged far from the rows the panel shows: its highlight is painted in the first frame after the key, its row in view in the next at the latest', async ({ app }) => {
  const ids = await openBulkArticle(app, 11, 0.3);
  await app.page.locator('.ProseMirror').focus();
  // Selections made by script far down the text: each new row is thousands of rows from the last one.
  for (const [i, [n, key]] of ([[400, 'q'], [40, 'c'], [700, 's']] as const).entries()) {
    await selectParagraphStart(app.page, n);
    const count = ids.length + 1 + i;
    const painted = await pressUntilPainted(app.page, key, { kind: 'added', count, previousId: await selectedId(app.page) });
    // The panel follows the reader by one frame (App.tsx): the highlight is not kept waiting for it.
    expect(painted.highlightFrame).toBe(1);
    expect(painted.outcomeFrame).toBeLessThanOrEqual(2);
  }
  // Rows of one height hold their text, however long the quote (some of these are sources).
  expect(await rowsThatDoNotFit(app.page)).toEqual([]);
});

test('another article opens at its top, not at the offset the last one was scrolled to', async ({ app }) => {
  await openBulkArticle(app, 11, 0.3);
  const pane = app.page.locator('.reader-pane');
  await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  expect(await pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  // Another long text: its pane could keep the offset.
  const other = join(app.dataDir, 'other-long-article.txt');
  writeFileSync(other, generateText(12, 400_000));
  await app.openArticle(other);
  await expect(app.page.locator('.reader')).toHaveAttribute('data-source-path', other);
  expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(app.page.locator('.ProseMirror p').first()).toBeInViewport();
});

test('blocks are spaced the same at the edges of the chunks a long article is grouped in as inside them', async ({ app }) => {
  // Sections of a heading, paragraphs of varied length, a list and a quote, until past 30,000
  // characters: the reader groups blocks past the first 8,000 into chunks (build-doc.ts).
  const words = 'the minister said talks would resume after the holiday according to two officials'.split(' ');
  const paragraph = (n: number) => Array.from({ length: 12 + ((n * 37) % 60) }, (_, i) => words[(n + i) % words.length]).join(' ') + '.';
  const sections: string[] = [];
  for (let n = 0; sections.join('\n\n').length < 30_000; n++) {
    sections.push(`${n % 5 === 0 ? '#' : '##'} Section ${n}`, paragraph(n), paragraph(n + 1));
    if (n % 3 === 0) sections.push(`- ${paragraph(n + 2)}\n- ${paragraph(n + 3)}`);
    if (n % 4 === 1) sections.push(`> ${paragraph(n + 4)}`);
  }
  const path = join(app.dataDir, 'sections.md');
  writeFileSync(path, sections.join('\n\n'));
  await app.openArticle(path);
  const pane = app.page.locator('.reader-pane');
  const gaps = new Map<string, { inside: Set<number>; edge: Set<number> }>();
  // Scroll through the article: the chunks near the view are laid out and measured there.
  for (let at = 0; ; at += 500) {
    await pane.evaluate((el, y) => el.scrollTo(0, y), at);
    await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const pairs = await app.page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.ProseMirror > :not(.reader-chunk), .ProseMirror > .reader-chunk > *')];
      const out: [string, boolean, number][] = [];
      for (let i = 0; i + 1 < blocks.length; i++) {
        const [a, b] = [blocks[i].getBoundingClientRect(), blocks[i + 1].getBoundingClientRect()];
        // Both in view (a chunk far from it is not laid out: its blocks have no place yet).
        if (a.top < 0 || b.bottom > innerHeight || a.height === 0 || b.height === 0) continue;
        out.push([`${blocks[i].tagName}>${blocks[i + 1].tagName}`, blocks[i].parentElement !== blocks[i + 1].parentElement, Math.round(b.top - a.bottom)]);
      }
      return out;
    });
    for (const [pair, edge, gap] of pairs) {
      const seen = gaps.get(pair) ?? { inside: new Set<number>(), edge: new Set<number>() };
      (edge ? seen.edge : seen.inside).add(gap);
      gaps.set(pair, seen);
    }
    if (await pane.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1)) break;
  }
  const edges = [...gaps].filter(([, g]) => g.edge.size > 0);
  // The edges met here include a heading after a paragraph, whose top margin is the larger.
  expect(edges.map(([pair]) => pair)).toEqual(expect.arrayContaining(['P>H2']));
  for (const [pair, { inside, edge }] of edges) expect({ pair, gaps: [...edge] }).toEqual({ pair, gaps: [...inside] });
});
