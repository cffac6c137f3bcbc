import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { setup, tempDir } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

// An export the file system refuses (a folder chosen as the file, a folder that is gone, a file
// where brat's folder goes) answers with the reason in words, naming the chosen path, and leaves
// no temporary file behind in the analyst's folder.

async function openedApp() {
  const app = setup();
  const { article } = await app.ok('article:open-dropped', { path: fixture('tax-plan.txt') });
  return { app, articleId: article.id as string };
}

suite('an export that cannot be written', () => {
  it('to a folder chosen as the file: says it is a folder, and leaves no temporary file', async () => {
    const { app, articleId } = await openedApp();
    const parent = tempDir('export-parent');
    const folder = join(parent, 'isdir.json');
    mkdirSync(folder);
    app.answers.save.push(folder);
    const result = await app.call('article:export', { articleId });
    expect(result).toEqual({ ok: false, error: { code: 'unwritable', message: `The export was not written: ${folder} is a folder: choose a file name.` } });
    expect(readdirSync(parent)).toEqual(['isdir.json']);
  });

  it('into a folder that does not exist: says so, and creates nothing', async () => {
    const { app, articleId } = await openedApp();
    const parent = tempDir('export-missing');
    const out = join(parent, 'missing', 'dir', 'out.json');
    app.answers.save.push(out);
    const result = await app.call('article:export', { articleId });
    expect(result).toEqual({ ok: false, error: { code: 'unwritable', message: `The export was not written: the folder ${join(parent, 'missing', 'dir')} does not exist.` } });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('as brat where a file stands: says a brat export is a folder', async () => {
    const { app, articleId } = await openedApp();
    const parent = tempDir('export-brat');
    const file = join(parent, 'taken');
    writeFileSync(file, 'the analyst\'s own file');
    app.answers.save.push(file);
    const result = await app.call('article:export', { articleId, format: 'brat' });
    expect(result).toEqual({ ok: false, error: { code: 'unwritable', message: `The export was not written: ${file} is a file: a brat export is a folder, choose a new name.` } });
    expect(readdirSync(parent)).toEqual(['taken']);
  });
});
