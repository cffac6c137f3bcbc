import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { setup, tempDir } from '../support/handler-app.js';

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
});
