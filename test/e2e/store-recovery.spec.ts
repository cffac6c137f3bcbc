import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doubleClickWord, expectCount, panelRows, tagWith } from './helpers.js';
import { expect, test } from './fixtures.js';
import { ROOT } from './runtime.js';

test('a store file truncated mid-annotation: the good copy comes back with the changes since, the damaged file is kept, the analyst is told', async ({ app }) => {
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'three-paragraphs.txt'));
  await doubleClickWord(app.page, 'First');
  await tagWith(app.page, 'Claim');
  await doubleClickWord(app.page, 'Second');
  await tagWith(app.page, 'Quote');
  await expectCount(app.page, 2);
  // A restart flushes the store: two annotations written; the third write keeps them as the last good copy.
  await app.restart();
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'three-paragraphs.txt'));
  await doubleClickWord(app.page, 'Third');
  await tagWith(app.page, 'Source');
  await expectCount(app.page, 3);
  await app.restart();

  const articles = join(app.dataDir, 'articles');
  const name = readdirSync(articles).find((n) => n.endsWith('.json'))!;
  const text = readFileSync(join(articles, name), 'utf8');
  const cut = text.slice(0, text.lastIndexOf('"exact"') + 4);
  writeFileSync(join(articles, name), cut);
  await app.restart();

  await app.openArticle(join(ROOT, 'test', 'fixtures', 'three-paragraphs.txt'));
  await expect(app.page.getByRole('alert')).toContainText('its last good copy was restored');
  await expect(app.page.getByRole('alert')).toContainText(`${name}.damaged-`);
  // The good copy (.bak) held the first two; the journal its last write took in (kept as .journal.prev) brings the third.
  expect(await panelRows(app.page)).toEqual([['Claim', 'First'], ['Quote', 'Second'], ['Source', 'Third']]);
  const kept = readdirSync(articles).filter((n) => n.startsWith(`${name}.damaged-`));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(articles, kept[0]), 'utf8')).toBe(cut);
});
