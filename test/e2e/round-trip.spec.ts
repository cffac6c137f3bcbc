import { join } from 'node:path';
import { exportProblems } from '../support/check-export.js';
import { expect, test } from './fixtures.js';
import { dragSelect, expectCount, exportTo, panelRows, tagWith } from './helpers.js';
import { requireSharedArticles, SHARED_ARTICLES } from './shared.js';

const cases = [
  {
    file: 'axios-iran-talks.txt',
    claim: 'the United States informed Iran through multiple channels of its readiness to meet',
    quote: ['"things are going well"', '"things are going well"'],
    source: 'Iranian Foreign Minister Abbas Araghchi',
  },
  {
    file: 'web/bbc-1.html',
    claim: 'Mr Obama said race relations had improved during his presidency',
    quote: ['"distressing"', '"distressing"'],
    source: "the BBC's North America editor Jon Sopel",
  },
];

for (const c of cases) {
  test(`${c.file}: tag a claim, a quote and a source by mouse, restart, find them again, export valid JSON`, async ({ app }) => {
    requireSharedArticles();
    const path = join(SHARED_ARTICLES, c.file);
    await app.openArticle(path);
    const { page } = app;

    await dragSelect(page, c.claim);
    await tagWith(page, 'Claim');
    await expectCount(page, 1);
    await dragSelect(page, c.quote[0], c.quote[1]);
    await tagWith(page, 'Quote');
    await expectCount(page, 2);
    await dragSelect(page, c.source);
    await tagWith(page, 'Source');
    await expectCount(page, 3);
    const before = (await panelRows(page)).sort();
    expect(before).toEqual([['Claim', c.claim], ['Quote', c.quote[0]], ['Source', c.source]].sort());
    await expect(page.locator('.ProseMirror .hl')).toHaveCount(3);

    await app.restart();
    await app.openArticle(path);
    await expectCount(app.page, 3);
    expect((await panelRows(app.page)).sort()).toEqual(before);
    for (const type of ['claim', 'quote', 'source']) await expect(app.page.locator(`.ProseMirror .hl-${type}`)).toHaveCount(1);

    const json = await exportTo(app, 'export.json');
    expect(exportProblems(json)).toEqual([]);
    expect(json.format).toBe('attest.annotated-article');
    expect(json.article.source.path).toBe(path);
    expect(json.annotations.map((a: any) => [a.type, a.exact]).sort()).toEqual([['claim', c.claim], ['quote', c.quote[0]], ['source', c.source]].sort());
  });
}
