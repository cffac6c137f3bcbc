import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../app/core/annotation.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { charRect, doubleClickWord, dragSelect, expectCount } from './helpers.js';
import { ROOT } from './runtime.js';

const HEBREW = join(ROOT, 'test', 'fixtures', 'hebrew.txt');
const TEXT = 'הדוח פורסם ב-2024';

/** The annotations main stored, read from the store file after a restart has flushed it, by start. */
async function storedSpans(app: AttestApp): Promise<[number, number, string][]> {
  const id = await app.page.locator('.reader').getAttribute('data-article-id');
  await app.restart();
  const record = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${id}.json`), 'utf8')) as { article: { text: string }; annotations: Annotation[] };
  expect(record.article.text).toBe(TEXT);
  return record.annotations
    .map((a): [number, number, string] => [a.target.position.start, a.target.position.end, a.target.quote.exact])
    .sort((x, y) => x[0] - y[0]);
}

test('a Hebrew text reads right to left, with the number in its place', async ({ app }) => {
  await app.openArticle(HEBREW);
  await expect(app.page.locator('.reader')).toHaveAttribute('dir', 'rtl');
  const bet = await charRect(app.page, 'ב');
  const two = await charRect(app.page, '2');
  const four = await charRect(app.page, '4');
  const first = await charRect(app.page, 'ה');
  expect(first.left).toBeGreaterThan(bet.left); // the first word is rightmost
  expect(two.right).toBeLessThanOrEqual(four.left + 0.5); // digits stay left to right
  expect(four.right).toBeLessThanOrEqual(bet.left + 0.5); // the number sits left of its prefix letter
});

for (const backwards of [false, true]) {
  test(`dragging over the second word ${backwards ? 'backwards' : 'forwards'} tags [5,10]; the number [13,17]`, async ({ app }) => {
    await app.openArticle(HEBREW);
    await dragSelect(app.page, 'פורסם', 'פורסם', { backwards });
    await app.page.keyboard.press('c');
    await expectCount(app.page, 1);
    await dragSelect(app.page, '2024', '2024', { backwards });
    await app.page.keyboard.press('q');
    await expectCount(app.page, 2);
    expect(await storedSpans(app)).toEqual([[5, 10, 'פורסם'], [13, 17, '2024']]);
  });
}

test('double-clicking the second word, then the number, tags each whole', async ({ app }) => {
  await app.openArticle(HEBREW);
  await doubleClickWord(app.page, 'פורסם');
  await app.page.keyboard.press('c');
  await expectCount(app.page, 1);
  await doubleClickWord(app.page, '2024');
  await app.page.keyboard.press('s');
  await expectCount(app.page, 2);
  expect(await storedSpans(app)).toEqual([[5, 10, 'פורסם'], [13, 17, '2024']]);
});
