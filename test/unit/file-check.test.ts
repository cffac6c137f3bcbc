import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

suite('article:check-file: is the open article’s file still as it was read?', () => {
  it('answers same, then changed after an edit, then missing once it is deleted; an unknown article is refused', async () => {
    const app = setup();
    const path = join(tempDir('check'), 'notes.txt');
    writeFileSync(path, 'The council met on Monday.');
    const { article } = await app.ok('article:open-dropped', { path });
    expect(await app.ok('article:check-file', { articleId: article.id })).toEqual({ state: 'same' });
    writeFileSync(path, 'The council met on Tuesday.');
    expect(await app.ok('article:check-file', { articleId: article.id })).toEqual({ state: 'changed' });
    rmSync(path);
    expect(await app.ok('article:check-file', { articleId: article.id })).toEqual({ state: 'missing' });
    const unknown = await app.call('article:check-file', { articleId: 'f'.repeat(64) });
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
    const other = await app.call('article:check-file', { articleId: article.id, path: '/etc/passwd' });
    expect(!other.ok && other.error.code).toBe('not-found');
    const bad = await app.call('article:check-file', { articleId: article.id, file: '/etc/passwd' });
    expect(!bad.ok && bad.error.code).toBe('invalid-request');
  });

  it('does not look at a file an imported export names until the analyst opens it: unchecked', async () => {
    const app = setup();
    const elsewhere = join(tempDir('elsewhere'), 'theirs.txt');
    writeFileSync(elsewhere, 'A file of this machine the analyst never chose.');
    const text = 'The council met on Monday.';
    const exported = {
      format: 'attest.annotated-article',
      version: 1,
      generator: { name: 'Attest', version: 'test' },
      exported: '2026-01-01T00:00:00.000Z',
      article: { id: '0'.repeat(64), title: 'Council', byline: null, siteName: null, publishedTime: null, lang: null, dir: 'ltr', text, source: { path: elsewhere, sha256: 'e'.repeat(64), format: 'txt' } },
      annotations: [],
    };
    const file = join(tempDir('import'), 'council.json');
    writeFileSync(file, JSON.stringify(exported));
    app.answers.open.push(file);
    const { report } = await app.ok('annotations:import', { articleId: null });
    const [{ id }] = report.articles;
    expect(app.repository.get(id)!.article.source.path).toBe(elsewhere);
    // Before, main read it and answered `changed` (other bytes than the export claims).
    expect(await app.ok('article:check-file', { articleId: id })).toEqual({ state: 'unchecked' });
  });

  it('an article exported as annotated JSON over the export it was opened from is not "changed" by that save', async () => {
    const app = setup();
    const path = join(tempDir('own'), 'notes.txt');
    writeFileSync(path, 'The council met on Monday.');
    const { article } = await app.ok('article:open-dropped', { path });
    await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 4, end: 11 });
    await exportJson(app, article.id);
    const exported = join(tempDir('own-export'), 'notes.attest.json');
    app.answers.save.push(exported);
    await app.ok('article:export', { articleId: article.id });
    const reopened = await app.ok('article:open-dropped', { path: exported });
    expect(reopened.article.source).toMatchObject({ path: exported, format: 'attest-json' });
    expect(await app.ok('article:check-file', { articleId: article.id, path: exported })).toEqual({ state: 'same' });
    // A note, then Export over the same file: the analyst's own save.
    await app.ok('annotation:update', { articleId: article.id, id: reopened.annotations[0].id, patch: { note: 'saved over' } });
    app.answers.save.push(exported);
    await app.ok('article:export', { articleId: article.id });
    expect(await app.ok('article:check-file', { articleId: article.id, path: exported })).toEqual({ state: 'same' });
    // Written by someone else afterwards, it is changed.
    writeFileSync(exported, `${readFileSync(exported, 'utf8')} `);
    expect(await app.ok('article:check-file', { articleId: article.id, path: exported })).toEqual({ state: 'changed' });
  });
});
