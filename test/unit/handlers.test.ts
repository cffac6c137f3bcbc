import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { exportProblems } from '../support/check-export.js';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

const expectValidExport = (json: unknown) => expect(exportProblems(json)).toEqual([]);

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

suite('the IPC choke point', () => {
  it('refuses unknown channels and invalid payloads with a clear error, never throwing', async () => {
    const app = setup();
    expect(await app.call('fs:read', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await app.call('annotation:create', { articleId: 'x', type: 'claim', start: 0, end: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await app.call('annotation:create', null)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await app.call('article:choose', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await app.call('article:open-dropped', { path: fixture('missing.txt') })).toMatchObject({ ok: false, error: { code: 'unreadable', message: 'missing.txt: no such file' } });
  });
});

suite('annotations through the real handlers', () => {
  it('tags the emoji case with offsets in both units', async () => {
    const app = setup();
    app.answers.open.push(fixture('emoji.txt'));
    const { article } = await app.ok('article:choose', {});
    const a = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 11, end: 16 });
    expect(a.target.quote.exact).toBe('CLAIM');
    // A selection from inside the emoji takes the whole emoji.
    const b = await app.ok('annotation:create', { articleId: article.id, type: 'quote', start: 5, end: 10 });
    expect(b.target.position).toMatchObject({ start: 4, end: 10 });
    expect(b.target.quote.exact).toBe('😀 the');
    const json = await exportJson(app, article.id);
    expectValidExport(json);
    const claim = json.annotations.find((x: any) => x.type === 'claim');
    expect([claim.start, claim.end, claim.startCodePoint, claim.endCodePoint]).toEqual([11, 16, 10, 15]);
  });

  it('counts offsets in the canonical text of a CRLF file, and exports that text', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('crlf.txt') });
    const start = article.text.indexOf('Officials blamed\nthe weather');
    await app.ok('annotation:create', { articleId: article.id, type: 'claim', start, end: start + 'Officials blamed\nthe weather'.length });
    const json = await exportJson(app, article.id);
    expectValidExport(json);
    expect(json.article.text).toBe(article.text);
    expect(json.article.text).not.toContain('\r');
    expect(json.annotations[0].exact).toBe('Officials blamed\nthe weather');
  });

  it('keeps NBSP in exact', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('nbsp.txt') });
    const a = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 7, end: 19 });
    expect(a.target.quote.exact).toBe('rose 2\u00A0%  in');
    expectValidExport(await exportJson(app, article.id));
  });

  it('refuses a range beyond the text and a white-space-only range', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('three-paragraphs.txt') });
    expect(await app.call('annotation:create', { articleId: article.id, type: 'claim', start: 0, end: 999 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await app.call('annotation:create', { articleId: article.id, type: 'claim', start: 9, end: 11 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('keeps the id the renderer proposes, refuses one the article has, and a non-UUID', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('tax-plan.txt') });
    const id = '0f8e2a6c-52d4-4b7e-9c1a-3d5e7f9a1b2c';
    expect(await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 4, end: 11, id })).toMatchObject({ id, target: { quote: { exact: 'new tax' } } });
    expect(await app.call('annotation:create', { articleId: article.id, type: 'quote', start: 8, end: 16, id })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: `the article already has an annotation ${id}` } });
    expect(await app.call('annotation:create', { articleId: article.id, type: 'quote', start: 8, end: 16, id: 'mine' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // The same request again (an answer lost on the way) answers the annotation it made.
    expect(await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 4, end: 11, id })).toMatchObject({ id });
    // The same type on the same span answers the annotation it has, whatever id was proposed.
    expect(await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 4, end: 11, id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })).toMatchObject({ id });
  });

  it('deletes one of three overlapping spans and leaves the others', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('tax-plan.txt') });
    const claim = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 0, end: 23 });
    await app.ok('annotation:create', { articleId: article.id, type: 'quote', start: 8, end: 16 });
    await app.ok('annotation:create', { articleId: article.id, type: 'source', start: 4, end: 11 });
    expect(await app.ok('annotation:delete', { articleId: article.id, id: claim.id })).toMatchObject({ deleted: true, annotations: [{ type: 'quote' }, { type: 'source' }] });
    expect(await app.ok('annotation:delete', { articleId: article.id, id: claim.id })).toMatchObject({ deleted: false });
    const json = await exportJson(app, article.id);
    expect(json.annotations.map((a: any) => [a.type, a.exact])).toEqual([['source', 'new tax'], ['quote', 'tax plan']]);
  });
});

suite('persistence', () => {
  it('one store file per article, written after the batch delay; a new process finds every annotation', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('three-paragraphs.txt') });
    await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 0, end: 32 });
    app.repository.flush();
    // The record (written when stored, then with the tag: its previous copy as .bak); the tag's journal, once written, is kept as .prev (the changes since the .bak).
    expect(readdirSync(join(app.dataDir, 'articles')).sort()).toEqual([`${article.id}.journal.prev`, `${article.id}.json`, `${article.id}.json.bak`]);
    const stored = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${article.id}.json`), 'utf8'));
    expect(stored.schemaVersion).toBe(2);
    expect(stored.annotations[0].target.quote.exact).toBe('First one\n\nSecond one\n\nThird one');

    const again = setup(app.dataDir);
    const reopened = await again.ok('article:open-dropped', { path: fixture('three-paragraphs.txt') });
    expect(reopened.annotations).toEqual(stored.annotations);
  });

  it('a renamed copy of an annotated file opens with its annotations', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('officials.txt') });
    await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 10, end: 16 });
    app.repository.flush();
    const copy = join(tempDir('copy'), 'renamed.txt');
    copyFileSync(fixture('officials.txt'), copy);
    const again = setup(app.dataDir);
    const reopened = await again.ok('article:open-dropped', { path: copy });
    expect(reopened.article.id).toBe(article.id);
    expect(reopened.article.source.path).toBe(copy);
    expect(reopened.annotations.map((a: any) => a.target.quote.exact)).toEqual(['denied']);
  });

  it('flushes on its own after the batch delay', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('officials.txt') });
    await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 10, end: 16 });
    await new Promise((r) => setTimeout(r, 60));
    const stored = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${article.id}.json`), 'utf8'));
    expect(stored.annotations).toHaveLength(1);
  });

  it('a damaged store file with no good copy is moved aside (never deleted) and reported', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('officials.txt') });
    app.repository.flush();
    const path = join(app.dataDir, 'articles', `${article.id}.json`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, '{"schemaVersion":1,"article":');
    const again = setup(app.dataDir);
    const result = await again.call('article:open-dropped', { path: fixture('officials.txt') });
    expect(result).toMatchObject({ ok: true });
    const notices = await again.ok('session:notices', {});
    expect(notices).toEqual([expect.objectContaining({ path, restoredFrom: null })]);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe('{"schemaVersion":1,"article":');
  });
});

suite('article:reopen-with-encoding', () => {
  const sjis = Buffer.concat([Buffer.from('938c8b9e82c5', 'hex'), Buffer.from('CLAIM')]);

  it('reopens the file in the chosen encoding, remembers it for those bytes, and validates the request', async () => {
    const app = setup();
    const path = join(tempDir('enc'), 'tokyo.txt');
    writeFileSync(path, sjis);
    app.answers.open.push(path);
    const first = await app.ok('article:choose', {});
    expect(first.article.text).toBe('東京でCLAIM');
    expect(first.article.encoding).toMatchObject({ name: 'Shift_JIS', source: 'detected' });

    const utf8 = await app.ok('article:reopen-with-encoding', { articleId: first.article.id, encoding: 'UTF-8' });
    expect(utf8.article.encoding).toMatchObject({ name: 'UTF-8', source: 'chosen' });
    expect(utf8.article.encoding.replaced).toBeGreaterThan(0);
    expect(utf8.article.id).not.toBe(first.article.id);
    app.repository.flush();
    const stored = JSON.parse(readFileSync(join(app.dataDir, 'encodings.json'), 'utf8'));
    expect(stored).toEqual({ schemaVersion: 1, files: { [first.article.source.sha256]: 'UTF-8' } });

    // After a restart the same bytes open in the chosen encoding.
    const again = setup(app.dataDir);
    again.answers.open.push(path);
    expect((await again.ok('article:choose', {})).article.encoding).toMatchObject({ name: 'UTF-8', source: 'chosen' });
    const back = await again.ok('article:reopen-with-encoding', { articleId: utf8.article.id, encoding: 'Shift_JIS' });
    expect(back.article.text).toBe('東京でCLAIM');
    expect(back.article.encoding).toMatchObject({ name: 'Shift_JIS', source: 'chosen' });
    expect(again.repository.encodings.get(first.article.source.sha256)).toBe('Shift_JIS');

    expect(await again.call('article:reopen-with-encoding', { articleId: first.article.id, encoding: 'x-made-up' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await again.call('article:reopen-with-encoding', { articleId: 'f'.repeat(64), encoding: 'UTF-8' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a damaged encodings.json is moved aside (never deleted) and reported', async () => {
    const app = setup();
    const damaged = join(app.dataDir, 'encodings.json');
    writeFileSync(damaged, '{"schemaVersion":1,"files":{"x":"not-an-encoding"}}');
    const result = await app.call('article:open-dropped', { path: fixture('officials.txt') });
    expect(result).toMatchObject({ ok: true });
    const notices = await app.ok('session:notices', {});
    expect(notices).toEqual([expect.objectContaining({ path: damaged, restoredFrom: null, reason: expect.stringContaining('encodings') })]);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe('{"schemaVersion":1,"files":{"x":"not-an-encoding"}}');
  });
});
