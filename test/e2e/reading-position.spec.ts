import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AttestApp } from './fixtures.js';
import { openBulkArticle } from './helpers.js';
import { largeText, LAST_PARAGRAPH } from '../support/large-text.js';

/** Resolves once the reader pane's scroll offset and height have not changed for 10 frames in a row (layout settled). */
function settled(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const pane = document.querySelector('.reader-pane')!;
        let last = '';
        let same = 0;
        const frame = () => {
          const now = `${pane.scrollTop} ${pane.scrollHeight}`;
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 10) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/**
 * What is at the top of the reader pane: the index of the paragraph there (the first whose bottom
 * is below the pane's top) and the character of it under the pane's top edge, and how far below
 * that edge the character's line starts (px).
 */
function topParagraph(page: Page): Promise<{ index: number; char: number; top: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.reader-pane')!.getBoundingClientRect();
    const ps = [...document.querySelectorAll('.ProseMirror p')];
    const index = ps.findIndex((p) => p.getBoundingClientRect().bottom > pane.top + 5);
    const p = ps[index];
    const at = document.caretRangeFromPoint(p.getBoundingClientRect().left + 4, Math.max(pane.top, p.getBoundingClientRect().top) + 2)!;
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(at.startContainer, at.startOffset);
    const char = range.toString().length;
    const glyph = document.createRange();
    glyph.setStart(at.startContainer, at.startOffset);
    glyph.setEnd(at.startContainer, at.startOffset + 1);
    return { index, char, top: Math.round(glyph.getClientRects()[0].top - pane.top) };
  });
}

/** How far below the reader pane's top the line of the `char`-th character of paragraph `index` is (px). */
function charTop(page: Page, index: number, char: number): Promise<number> {
  return page.evaluate(
    ({ index, char }) => {
      const p = document.querySelectorAll('.ProseMirror p')[index];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let rest = char;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (rest < node.data.length) {
          const glyph = document.createRange();
          glyph.setStart(node, rest);
          glyph.setEnd(node, rest + 1);
          return Math.round(glyph.getClientRects()[0].top - document.querySelector('.reader-pane')!.getBoundingClientRect().top);
        }
        rest -= node.data.length;
      }
      throw new Error(`paragraph ${index} has no character ${char}`);
    },
    { index, char },
  );
}

/** The selected highlight's top, in px from the reader pane's top, or null when it is not painted. */
function selectedTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const el = document.querySelector('.ProseMirror .hl-selected');
    return el ? Math.round(el.getBoundingClientRect().top - document.querySelector('.reader-pane')!.getBoundingClientRect().top) : null;
  });
}

/** Clicks A+ or A− and checks that the paragraph at the top and the selected highlight stay in view at about the same place. */
async function changeSizeKeepingPlace(app: AttestApp, button: 'Larger text' | 'Smaller text'): Promise<void> {
  await settled(app.page);
  const before = await topParagraph(app.page);
  const selected = await selectedTop(app.page);
  expect(before.index).toBeGreaterThan(100);
  await app.page.getByRole('button', { name: button }).click();
  await settled(app.page);
  const after = await topParagraph(app.page);
  expect(after.index, `top paragraph ${before.index} -> ${after.index} after ${button}`).toBe(before.index);
  // The line at the top stays there, within a line's height.
  expect(Math.abs((await charTop(app.page, before.index, before.char)) - before.top)).toBeLessThan(30);
  await expect(app.page.locator('.ProseMirror .hl-selected').first()).toBeInViewport();
  expect(Math.abs((await selectedTop(app.page))! - selected!)).toBeLessThan(250);
}

test('A+ and A− after a jump far down a long article (panel row, then P) keep the paragraph at the top and the selected highlight in view', async ({ app }) => {
  await openBulkArticle(app, 11, 0.3);
  // A row about 60% down the panel: the reader jumps there, its highlight selected.
  const scroller = app.page.locator('.annotation-scroller');
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.6));
  await app.page.locator('.annotation-item').nth(5).click();
  await expect(app.page.locator('.ProseMirror .hl-selected').first()).toBeInViewport();
  await changeSizeKeepingPlace(app, 'Larger text');
  await changeSizeKeepingPlace(app, 'Larger text');
  await changeSizeKeepingPlace(app, 'Smaller text');

  // From the top, P goes to the last annotation.
  await app.page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
  await app.page.locator('.ProseMirror').focus();
  await app.page.keyboard.press('p');
  await expect(app.page.locator('.ProseMirror .hl-selected').first()).toBeInViewport();
  await changeSizeKeepingPlace(app, 'Smaller text');
  await changeSizeKeepingPlace(app, 'Larger text');

  // The selected highlight near the bottom of the view: larger text would push it below, the
  // reader scrolls just far enough to keep it in view.
  await app.page.locator('.reader-pane').evaluate((pane) => {
    const shown = document.querySelector('.ProseMirror .hl-selected')!.getBoundingClientRect();
    const box = pane.getBoundingClientRect();
    pane.scrollBy(0, shown.bottom - (box.top + pane.clientHeight * 0.95));
  });
  await settled(app.page);
  const before = await topParagraph(app.page);
  await app.page.getByRole('button', { name: 'Larger text' }).click();
  await settled(app.page);
  await expect(app.page.locator('.ProseMirror .hl-selected').last()).toBeInViewport({ ratio: 1 });
  expect((await topParagraph(app.page)).index - before.index).toBeLessThan(4);
});

test('in a long article one Ctrl+End (or Cmd+Down) shows its end, the caret at the end; Ctrl+Home (or Cmd+Up) shows its top with the header', async ({ app }) => {
  const path = join(app.dataDir, 'large.txt');
  writeFileSync(path, largeText(400_000));
  await app.openArticle(path);
  const pane = app.page.locator('.reader-pane');
  await app.page.locator('.ProseMirror p').nth(2).click();
  const caret = () =>
    app.page.evaluate(() => {
      const s = getSelection()!;
      const p = s.focusNode?.parentElement?.closest('p');
      return { text: p?.textContent, atEnd: s.isCollapsed && s.focusOffset === (s.focusNode?.textContent?.length ?? -1) && !p?.nextElementSibling, atStart: s.isCollapsed && s.focusOffset === 0 && !p?.previousElementSibling };
    });
  const bottom = () => pane.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);

  // Ctrl+End and Ctrl+Home, then macOS's Cmd+Down and Cmd+Up.
  for (const [toEnd, toStart] of [['Control+End', 'Control+Home'], ['Meta+ArrowDown', 'Meta+ArrowUp']]) {
    await app.page.keyboard.press(toEnd);
    await settled(app.page);
    expect(await bottom()).toBeLessThanOrEqual(1);
    await expect(app.page.locator('.ProseMirror p').last()).toHaveText(LAST_PARAGRAPH);
    await expect(app.page.locator('.ProseMirror p').last()).toBeInViewport();
    expect(await caret()).toMatchObject({ text: LAST_PARAGRAPH, atEnd: true });

    await app.page.keyboard.press(toStart);
    await settled(app.page);
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(app.page.locator('.article-header')).toBeInViewport({ ratio: 1 });
    expect(await caret()).toMatchObject({ atStart: true });
  }
});
