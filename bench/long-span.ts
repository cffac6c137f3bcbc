/**
 * Long-span benchmark: a seeded 400,000-character article, in Chromium with the real handlers (the
 * bench harness); each run selects from the start of the second paragraph to the end of the
 * last-but-one (about 398,000 characters, a whole report tagged at once) and tags it, 20 runs after
 * 2 warm-up ones, undoing each. Prints the milliseconds from the key to the end of the frame that
 * paints the highlight, and the highlight and the panel's row (`pressUntilPainted`). Run:
 * `npm run -s build && npx tsx bench/long-span.ts`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pressUntilPainted, selectedId } from '../test/support/frame-watch.js';
import { startHarness } from './browser-workloads.js';
import { generateText } from './generate.js';
import { summarise } from './stats.js';

const harness = await startHarness(join(import.meta.dirname, '..'));
const dir = mkdtempSync(join(tmpdir(), 'attest-long-span-'));
const { page, queue, server } = await harness.open(join(dir, 'data'));
const path = join(dir, 'report.txt');
writeFileSync(path, generateText(400_000, 400_000));
queue.push(path);
await page.keyboard.press('Control+o');
await page.locator('.ProseMirror p').first().waitFor();
await page.waitForTimeout(1000);
const highlight: number[] = [];
const row: number[] = [];
for (let run = 0; run < 22; run++) {
  await page.locator('.ProseMirror').focus();
  await page.evaluate(`(() => {
    const paragraphs = document.querySelectorAll('.ProseMirror p');
    const first = document.createTreeWalker(paragraphs[1], NodeFilter.SHOW_TEXT).nextNode();
    const walker = document.createTreeWalker(paragraphs[paragraphs.length - 2], NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })()`);
  await page.waitForTimeout(200);
  const painted = await pressUntilPainted(page, 'c', { kind: 'added', count: 1, previousId: await selectedId(page) });
  if (run >= 2) {
    highlight.push(painted.highlightMs);
    row.push(painted.ms);
  }
  await page.waitForTimeout(200);
  await page.keyboard.press('Control+z');
  await page.locator('.panel h2 .count').filter({ hasText: /^0$/ }).or(page.locator('.panel .empty')).first().waitFor();
  await page.waitForTimeout(200);
}
for (const metric of [summarise('tag a ~398,000-character span, key to painted highlight', 'ms', highlight), summarise('tag a ~398,000-character span, key to painted highlight and panel row', 'ms', row)]) {
  console.log(`${metric.name.padEnd(72)} median ${metric.median}  p95 ${metric.p95}  max ${metric.max}  runs ${metric.runs}`);
}
await harness.browser.close();
await server.close();
