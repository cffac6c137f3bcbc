import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe as suite, expect, it } from 'vitest';
import { exportProblems } from '../support/check-export.js';
import { changedFileLibrary } from '../support/changed-file-library.js';
import { setup, tempDir } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

/** Exports through `article:export` with scope `library` in `format` to a temp path; returns the path. */
async function exportLibrary(app: ReturnType<typeof setup>, articleId: string, format: string, name: string): Promise<string> {
  const out = join(tempDir('out'), name);
  app.answers.save.push(out);
  expect(await app.ok('article:export', { articleId, format, scope: 'library' })).toEqual({ path: out });
  return out;
}

suite('the whole library export lists each file once: its current record', () => {
  it('JSON and CSV hold the changed file once, with its current text, and every annotation id once; the superseded record stays on disk as it was', async () => {
    const app = setup();
    const lib = await changedFileLibrary(app);
    const supersededFile = join(app.dataDir, 'articles', `${lib.superseded}.json`);
    const supersededBytes = readFileSync(supersededFile);

    const json = JSON.parse(readFileSync(await exportLibrary(app, lib.current, 'json', 'library.json'), 'utf8'));
    expect(exportProblems(json)).toEqual([]);
    expect(json.articles.map((e: { article: { id: string } }) => e.article.id).sort()).toEqual([lib.current, lib.emoji].sort());
    expect(json.articles.filter((e: { article: { source: { path: string } } }) => e.article.source.path === lib.path)).toHaveLength(1);
    const ids = json.articles.flatMap((e: { annotations: { id: string }[] }) => e.annotations.map((a) => a.id));
    expect(ids.sort()).toEqual([...lib.ids].sort());

    const rows = parse(readFileSync(await exportLibrary(app, lib.current, 'csv', 'library.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual([...lib.ids].sort());
    expect(new Set(rows.filter((r) => r['article path'] === lib.path).map((r) => r.exact))).toEqual(new Set(['tax rate rose', 'The fee', 'fell sharply']));

    const brat = await exportLibrary(app, lib.current, 'brat', 'library.brat');
    expect(readdirSync(brat).filter((n) => n.endsWith('.txt')).sort()).toEqual([`${lib.current}.txt`, `${lib.emoji}.txt`].sort());

    // The history is untouched, and still exported when asked for by id.
    expect(readFileSync(supersededFile).equals(supersededBytes)).toBe(true);
    const out = join(tempDir('by-id'), 'old.json');
    app.answers.save.push(out);
    expect(await app.ok('library:export', { articleIds: [lib.superseded], format: 'json' })).toEqual({ path: out, articles: 1 });
    expect(JSON.parse(readFileSync(out, 'utf8')).article.id).toBe(lib.superseded);
  });

  it('articles imported from an Attest export (sharing its path, or with no path) are all still exported', async () => {
    const from = setup();
    const emoji = await from.ok('article:open-dropped', { path: fixture('emoji.txt') });
    const nbsp = await from.ok('article:open-dropped', { path: fixture('nbsp.txt') });
    const claim = emoji.article.text.indexOf('CLAIM');
    await from.ok('annotation:create', { articleId: emoji.article.id, type: 'claim', start: claim, end: claim + 5 });
    await from.ok('annotation:create', { articleId: nbsp.article.id, type: 'quote', start: 0, end: 5 });
    const exported = JSON.parse(readFileSync(await exportLibrary(from, emoji.article.id, 'json', 'from.json'), 'utf8'));
    expect(exported.articles).toHaveLength(2);

    const app = setup();
    // No source: each article is stored with the export file as its source (one path for both).
    const sharing = join(tempDir('import'), 'no-source.json');
    writeFileSync(sharing, JSON.stringify({ ...exported, articles: exported.articles.map(({ article: { source: _, ...article }, ...entry }: any) => ({ ...entry, article })) }));
    app.answers.open.push(sharing);
    expect((await app.ok('annotations:import', { articleId: null })).report).toMatchObject({ imported: 2 });
    const shared = (await exportLibrary(app, emoji.article.id, 'json', 'after-import.json')) as string;
    const listed = JSON.parse(readFileSync(shared, 'utf8')).articles;
    expect(listed.map((e: any) => [e.article.id, e.article.source.path, e.annotations.length]).sort()).toEqual([[emoji.article.id, sharing, 1], [nbsp.article.id, sharing, 1]].sort());

    // Sources with an empty path (another tool's export): both stored under '', both exported.
    const other = setup();
    const empty = join(tempDir('import'), 'empty-path.json');
    writeFileSync(empty, JSON.stringify({ ...exported, articles: exported.articles.map((e: any) => ({ ...e, article: { ...e.article, source: { ...e.article.source, path: '' } } })) }));
    other.answers.open.push(empty);
    expect((await other.ok('annotations:import', { articleId: null })).report).toMatchObject({ imported: 2 });
    const rows = parse(readFileSync(await exportLibrary(other, emoji.article.id, 'csv', 'empty.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['article path'], r.exact]).sort()).toEqual([['', 'CLAIM'], ['', 'Rates']].sort());
  });
});
