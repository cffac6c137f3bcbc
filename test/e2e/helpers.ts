import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { describe } from '../../app/core/anchoring/describe.js';
import { generateSpans, generateText } from '../../bench/generate.js';
import { selectedId } from '../support/frame-watch.js';
import type { AttestApp } from './fixtures.js';
import { ROOT } from './runtime.js';

/** Where the `n`-th occurrence of `text` starts and ends in the reader's rendered text, as viewport points. */
async function charPoints(page: Page, from: string, to: string, occurrence: number) {
  return page.evaluate(
    ({ from, to, occurrence }) => {
      const root = document.querySelector('.ProseMirror')!;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const locate = (offset: number) => {
        let rest = offset;
        for (const node of nodes) {
          if (rest < node.data.length) return { node, offset: rest };
          rest -= node.data.length;
        }
        throw new Error(`offset ${offset} is beyond the reader's text`);
      };
      let start = -1;
      for (let i = 0; i <= occurrence; i++) start = all.indexOf(from, start + 1);
      if (start < 0) throw new Error(`"${from}" is not in the reader`);
      const endAt = all.indexOf(to, start);
      if (endAt < 0) throw new Error(`"${to}" does not follow "${from}" in the reader`);
      locate(start).node.parentElement!.scrollIntoView({ block: 'center' });
      const rectOf = (offset: number) => {
        const { node, offset: o } = locate(offset);
        const range = document.createRange();
        range.setStart(node, o);
        range.setEnd(node, o + 1);
        const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
        return { left: r.left, right: r.right, y: r.top + r.height / 2 };
      };
      const first = rectOf(start);
      const last = rectOf(endAt + to.length - 1);
      // Whether the run holding `offset` goes right to left: the next character on the same line
      // sits left of it (a number inside right-to-left text is a left-to-right run).
      const rtlAt = (offset: number) => {
        const here = rectOf(offset);
        for (const other of [offset + 1, offset - 1]) {
          if (other < 0 || other >= all.length || /\s/.test(all[other])) continue;
          const there = rectOf(other);
          if (Math.abs(there.y - here.y) < 2) return other > offset ? there.left < here.left : there.left > here.left;
        }
        return getComputedStyle(locate(offset).node.parentElement!).direction === 'rtl';
      };
      // A character's logical start is its left edge in a left-to-right run, its right edge otherwise.
      return {
        start: { x: rtlAt(start) ? first.right - 1 : first.left + 1, y: first.y },
        end: { x: rtlAt(endAt + to.length - 1) ? last.left + 1 : last.right - 1, y: last.y },
      };
    },
    { from, to, occurrence },
  );
}

/**
 * Selects from the start of `from` to the end of `to` (default: `from` itself) in the reader by
 * dragging the mouse, as an analyst does, in right-to-left text too; `occurrence` picks among
 * repeated `from`s (0-based); `backwards` drags from the end to the start.
 */
export async function dragSelect(page: Page, from: string, to = from, { occurrence = 0, backwards = false } = {}): Promise<void> {
  const points = await charPoints(page, from, to, occurrence);
  const [a, b] = backwards ? [points.end, points.start] : [points.start, points.end];
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

/** The viewport rectangle of the `n`-th character of the reader's text equal to `char`. */
export async function charRect(page: Page, char: string, n = 0): Promise<{ left: number; right: number }> {
  return page.evaluate(
    ({ char, n }) => {
      const walker = document.createTreeWalker(document.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = node.data.indexOf(char); i >= 0; i = node.data.indexOf(char, i + 1)) {
          if (seen++ < n) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + char.length);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right };
        }
      }
      throw new Error(`"${char}" is not in the reader`);
    },
    { char, n },
  );
}

/** Double-clicks the middle of `word` in the reader. */
export async function doubleClickWord(page: Page, word: string): Promise<void> {
  const p = await charPoints(page, word, word, 0);
  await page.mouse.dblclick((p.start.x + p.end.x) / 2, p.start.y);
}

/** Clicks inside `text` in the reader (its middle). */
export async function clickInside(page: Page, text: string): Promise<void> {
  const p = await charPoints(page, text, text, 0);
  await page.mouse.click((p.start.x + p.end.x) / 2, p.start.y);
}

/** Double-clicks `word` in the reader and presses the tag `key`; waits for `count` panel rows and returns the id of the annotation then selected (the new one). */
export async function tagWord(page: Page, word: string, key: string, count: number): Promise<string> {
  await doubleClickWord(page, word);
  await page.keyboard.press(key);
  await expectCount(page, count);
  const id = await selectedId(page);
  expect(id).not.toBeNull();
  return id!;
}

/** Tags the current selection with the toolbar button of `type` (its accessible name). */
export async function tagWith(page: Page, name: 'Claim' | 'Quote' | 'Source'): Promise<void> {
  await page.getByRole('toolbar').getByRole('button', { name, exact: true }).click();
}

/** The Annotations panel's rows as [type, quoted text], in the panel's order. */
export async function panelRows(page: Page): Promise<string[][]> {
  const items = page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item');
  return items.evaluateAll((els) => els.map((el) => [el.querySelector('.badge')!.textContent!, el.querySelector('.exact')!.textContent!]));
}

/**
 * The panel rows in the DOM whose text (the badge, the quote, its source) reaches outside the
 * row's box, or that overlap the row before them, described; [] when every row holds its text.
 */
export function rowsThatDoNotFit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const items = [...document.querySelectorAll('.annotation-row')].map((row) => row.querySelector<HTMLElement>('.annotation-item')!);
    let above = -Infinity;
    for (const item of items.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)) {
      const box = item.getBoundingClientRect();
      const style = getComputedStyle(item);
      const top = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
      const bottom = box.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom);
      const name = item.querySelector('.exact')!.textContent!.slice(0, 30);
      if (box.top < above - 0.5) problems.push(`"${name}" overlaps the row above`);
      above = box.bottom;
      for (const part of item.querySelectorAll('.badge, .exact, .attribution')) {
        const r = part.getBoundingClientRect();
        if (r.top < top - 0.5 || r.bottom > bottom + 0.5) problems.push(`"${name}": its ${part.className} runs ${Math.round(r.top - top)} px above or ${Math.round(r.bottom - bottom)} px below the row`);
      }
    }
    return problems;
  });
}

/** Waits until the panel lists `n` annotations. */
export async function expectCount(page: Page, n: number): Promise<void> {
  await expect(page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item')).toHaveCount(n);
}

/** Exports the open article with the Export button to `name` in the test's data directory, and reads the JSON back. */
export async function exportTo(app: AttestApp, name: string): Promise<any> {
  const out = join(app.dataDir, name);
  await app.answerDialogs({ save: out });
  await app.page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(app.page.getByRole('status')).toContainText(`Exported to ${out}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/**
 * Opens a generated 400,000-character article (`bench/generate.ts`, `seed`) with 5,000 stored
 * annotations at most, written into its store file as main would describe them: ids `bulk-0` …
 * in document order, types claim, quote, source in turn, the note "needle" on `bulk-4321`.
 * Returns the ids.
 */
export async function openBulkArticle(app: AttestApp, seed: number, overlap: number): Promise<string[]> {
  const path = join(app.dataDir, 'long-article.txt');
  writeFileSync(path, generateText(seed, 400_000));
  await app.openArticle(path);
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  await app.restart();
  const storePath = join(app.dataDir, 'articles', `${id}.json`);
  const record = JSON.parse(readFileSync(storePath, 'utf8'));
  const spans = generateSpans(record.article.text, seed, 5000, overlap).slice(0, 5000);
  const types = ['claim', 'quote', 'source'];
  record.annotations = spans.map((s, i) => ({ id: `bulk-${i}`, type: types[i % 3], target: describe(record.article.text, s.start, s.end), note: i === 4321 ? 'needle' : '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' }));
  writeFileSync(storePath, JSON.stringify(record));
  await app.restart();
  await app.openArticle(path);
  await expect(app.page.getByRole('region', { name: 'Annotations' }).locator('h2').first()).toHaveText(`Annotations ${spans.length}`);
  return record.annotations.map((a: { id: string }) => a.id);
}

/** Presses Tab `presses` times; after each, whether focus is inside `selector`. */
export async function tabWalk(page: Page, selector: string, presses: number): Promise<boolean[]> {
  const inside: boolean[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    inside.push(await page.evaluate((s) => !!document.activeElement?.closest(s), selector));
  }
  return inside;
}

/** Opens test/fixtures/attribution.txt and tags its quote (Quote) and its speaker (Source) by mouse. */
export async function tagQuoteAndSource(app: AttestApp): Promise<void> {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'attribution.txt'));
  await dragSelect(app.page, 'We will win,');
  await tagWith(app.page, 'Quote');
  await dragSelect(app.page, 'Mayor Jane Roe');
  await tagWith(app.page, 'Source');
  await expectCount(app.page, 2);
}

/** A short article as an Attest export holds it: `text` with no structure, title "Denial", read once from /elsewhere/denial.html. */
export function exportedArticle(text: string) {
  return {
    id: createHash('sha256').update(text).digest('hex'),
    title: 'Denial',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: 'en',
    dir: 'ltr' as const,
    text,
    blocks: [],
    marks: [],
    source: { path: '/elsewhere/denial.html', sha256: 'c'.repeat(64), format: 'html' as const },
    url: null,
    encoding: null,
  };
}

/** Opens test/fixtures/tax-plan.txt and tags its three overlapping spans: the sentence (Claim), "tax plan" (Quote), "new tax" (Source). */
export async function tagOverlappingSpans(app: AttestApp): Promise<void> {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'tax-plan.txt'));
  await dragSelect(app.page, 'The new', 'failed');
  await tagWith(app.page, 'Claim');
  await dragSelect(app.page, 'tax plan');
  await tagWith(app.page, 'Quote');
  await dragSelect(app.page, 'new tax');
  await tagWith(app.page, 'Source');
  await expectCount(app.page, 3);
}
