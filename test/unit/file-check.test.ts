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
});
