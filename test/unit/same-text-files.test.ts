import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe as suite, expect, it } from 'vitest';
import { sha256 } from '../../app/main/importers/index.js';
import type { Library } from '../../app/main/library/library.js';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);
const libraries: Library[] = [];
afterEach(async () => {
  await Promise.all(libraries.splice(0).map((l) => l.close()));
});

/** The two fixtures (one text, UTF-8 and windows-1252 bytes) copied into a fresh folder. */
function twoFiles() {
  const dir = tempDir('same-text');
  const utf8 = join(dir, 'same-text-utf8.txt');
  const cp1252 = join(dir, 'same-text-windows-1252.txt');
  copyFileSync(fixture('same-text-utf8.txt'), utf8);
  copyFileSync(fixture('same-text-windows-1252.txt'), cp1252);
  return { dir, utf8, cp1252, sha: { utf8: sha256(readFileSync(utf8)), cp1252: sha256(readFileSync(cp1252)) } };
}

const UTF8 = { name: 'UTF-8', source: 'utf-8', declared: null, confidence: null, replaced: 0 };

suite('two files with the same canonical text', () => {
  it("each opens with its own source, encoding and title, and the annotations stay shared by text", async () => {
    let app = setup();
    libraries.push(app.library);
    const files = twoFiles();
    const first = await app.ok('article:open-dropped', { path: files.utf8 });
    const other = await app.ok('article:open-dropped', { path: files.cp1252 });
    expect(other.article.id).toBe(first.article.id);
    const start = first.article.text.indexOf('prices');
    const claim = await app.ok('annotation:create', { articleId: first.article.id, type: 'claim', start, end: start + 6 });
    expect(first.article.text.slice(claim.target.position.start, claim.target.position.end)).toBe(claim.target.quote.exact);

    const expectUtf8 = (opened: any) => {
      expect(opened.article.source).toEqual({ path: files.utf8, sha256: files.sha.utf8, format: 'txt' });
      expect(opened.article.encoding).toEqual(UTF8);
      expect(opened.article.title).toBe('same-text-utf8');
      expect(opened.annotations.map((a: any) => a.id)).toEqual([claim.id]);
    };
    const expectCp1252 = (opened: any) => {
      expect(opened.article.source).toEqual({ path: files.cp1252, sha256: files.sha.cp1252, format: 'txt' });
      expect(opened.article.encoding).toMatchObject({ name: 'windows-1252', source: 'detected' });
      expect(opened.article.title).toBe('same-text-windows-1252');
      expect(opened.annotations.map((a: any) => a.id)).toEqual([claim.id]);
    };
    // Both ways round, and again after a restart (the bytes known, nothing extracted again).
    for (let round = 0; round < 2; round += 1) {
      expectUtf8(await app.ok('article:open-dropped', { path: files.utf8 }));
      // The stored and exported source is the file last opened, its path with its own SHA-256.
      expect((await exportJson(app, first.article.id)).article.source).toEqual({ path: files.utf8, sha256: files.sha.utf8, format: 'txt' });
      expectCp1252(await app.ok('article:open-dropped', { path: files.cp1252 }));
      expect((await exportJson(app, first.article.id)).article.source).toEqual({ path: files.cp1252, sha256: files.sha.cp1252, format: 'txt' });
      app.repository.flush();
      app = setup(app.dataDir);
      libraries.push(app.library);
    }
  });

  it("reopens in another encoding the file the analyst is reading, not the other file with that text", async () => {
    const app = setup();
    libraries.push(app.library);
    const files = twoFiles();
    const shown = await app.ok('article:open-dropped', { path: files.cp1252 });
    // Another file with the same text is opened after it (by the library, say): the record's article is now that one.
    await app.ok('article:open-dropped', { path: files.utf8 });
    const reopened = await app.ok('article:reopen-with-encoding', { articleId: shown.article.id, path: files.cp1252, encoding: 'windows-1250' });
    expect(reopened.article.source).toEqual({ path: files.cp1252, sha256: files.sha.cp1252, format: 'txt' });
    expect(reopened.article.encoding).toMatchObject({ name: 'windows-1250', source: 'chosen' });
    expect(app.repository.encodings.get(files.sha.cp1252)).toBe('windows-1250');
    expect(app.repository.encodings.get(files.sha.utf8)).toBeNull();
    // Only a file this text was opened from may be named.
    const stranger = join(files.dir, 'stranger.txt');
    copyFileSync(fixture('alpha-beta.txt'), stranger);
    await app.ok('article:open-dropped', { path: stranger });
    expect(await app.call('article:reopen-with-encoding', { articleId: reopened.article.id, path: stranger, encoding: 'UTF-8' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists each file of a library folder under its own title', async () => {
    const app = setup();
    libraries.push(app.library);
    const files = twoFiles();
    // Opened first from elsewhere, so the record's title is another file's.
    const elsewhere = join(tempDir('elsewhere'), 'first-copy.txt');
    copyFileSync(files.utf8, elsewhere);
    await app.ok('article:open-dropped', { path: elsewhere });
    app.answers.folder.push(files.dir);
    const listing = await app.ok('library:add-root', {});
    expect(listing.entries.map((e: any) => [e.path, e.title])).toEqual([
      [files.utf8, 'same-text-utf8'],
      [files.cp1252, 'same-text-windows-1252'],
    ]);
    expect((await app.ok('library:open', { path: files.utf8 })).article.title).toBe('same-text-utf8');
  });
});
