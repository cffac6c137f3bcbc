import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { expectCount, tagWord } from './helpers.js';

test('a record main cannot write is told to the analyst, and nothing is lost: written once it can be, there after a restart', async ({ app }) => {
  const path = join(app.dataDir, 'ledger.txt');
  writeFileSync(path, 'The ledger shows a deficit of four million in the second quarter.');
  await app.openArticle(path);
  const { page } = app;
  await tagWord(page, 'ledger', 'c', 1);
  const articles = join(app.dataDir, 'articles');
  const name = readdirSync(articles).find((n) => /^[0-9a-f]{64}\.json$/.test(n))!;
  const record = join(articles, name);
  const idsOnDisk = () => (existsSync(record) && statSync(record).isFile() ? JSON.parse(readFileSync(record, 'utf8')).annotations.length : -1);
  await expect.poll(idsOnDisk).toBe(1);

  // A folder where the record file is: main's next write of it fails for real.
  rmSync(record);
  mkdirSync(record);
  await tagWord(page, 'deficit', 'c', 2);
  const message = page.locator('.message-error');
  await expect(message).toContainText(`Your annotations could not be saved to ${record}`);
  await expect(message).toContainText('Nothing is lost');
  expect(readFileSync(record.replace(/\.json$/, '.journal'), 'utf8')).toContain('deficit');

  // The obstacle gone, main's next try writes the record without being asked.
  rmSync(record, { recursive: true });
  await expect.poll(idsOnDisk, { timeout: 15_000 }).toBe(2);
  await app.restart();
  await app.openArticle(path);
  await expectCount(app.page, 2);
});
