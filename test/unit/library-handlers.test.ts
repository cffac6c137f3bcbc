import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe as suite, expect, it } from 'vitest';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import type { Dialogs } from '../../app/main/ipc/context.js';
import { dispatch } from '../../app/main/ipc/dispatch.js';
import { createHandlers } from '../../app/main/ipc/handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { Library } from '../../app/main/library/library.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('library-handlers');

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);
const libraries: Library[] = [];
afterEach(async () => {
  await Promise.all(libraries.splice(0).map((l) => l.close()));
});

/** The real handlers over a fresh data directory, the folder and open dialogs answered from queues. */
function setup() {
  const dataDir = temp.dir('data');
  const answers = { open: [] as string[], folder: [] as string[] };
  const dialogs: Dialogs = {
    chooseArticle: async () => answers.open.shift() ?? null,
    chooseExportPath: async () => null,
    chooseFolder: async () => answers.folder.shift() ?? null,
  };
  const repository = new ArticleRepository(dataDir, confStoreFactory, 10);
  const library = new Library({ dataDir, openStore: confStoreFactory, repository, open: (path) => openArticle(repository, path) });
  libraries.push(library);
  const handlers = createHandlers({ repository, library, dialogs, initialPath: null, generator: { name: 'Attest', version: 'test' } });
  const call = (channel: string, payload: unknown) => dispatch(handlers, channel, payload);
  return { answers, call };
}

suite('library channels', () => {
  it('adds the folder the analyst chose, lists it, and opens a listed file', async () => {
    const app = setup();
    const dir = temp.dir('lib');
    copyFileSync(fixture('library/rail-fares.html'), join(dir, 'rail-fares.html'));
    expect(await app.call('library:add-root', {})).toEqual({ ok: true, value: null });
    app.answers.folder.push(dir);
    const added = await app.call('library:add-root', {});
    expect(added).toMatchObject({ ok: true, value: { roots: [{ path: dir, error: null }], entries: [{ path: join(dir, 'rail-fares.html'), siteName: 'Metro Dispatch' }] } });
    const opened = await app.call('library:open', { path: join(dir, 'rail-fares.html') });
    expect(opened).toMatchObject({ ok: true, value: { article: { title: 'Rail fares to rise by four percent in January' } } });
    expect(await app.call('library:revision', {})).toMatchObject({ ok: true, value: { revision: expect.any(Number) } });
  });

  it('refuses to open a path main did not list, and a folder that is not one', async () => {
    const app = setup();
    const outside = join(temp.dir('outside'), 'secret.txt');
    writeFileSync(outside, 'Not in the library.');
    expect(await app.call('library:open', { path: outside })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.call('library:open', { path: '' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    app.answers.folder.push(outside);
    expect(await app.call('library:add-root', {})).toMatchObject({ ok: false, error: { code: 'invalid-request', message: `${outside}: not a folder` } });
    expect(await app.call('library:remove-root', { path: outside })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('notes every opened article as recent, so it may be opened again from there', async () => {
    const app = setup();
    app.answers.open.push(fixture('officials.txt'));
    await app.call('article:choose', {});
    await app.call('article:open-dropped', { path: fixture('emoji.txt') });
    const listed = await app.call('library:list', {});
    expect(listed.ok && (listed.value as { recent: { path: string }[] }).recent.map((r) => r.path)).toEqual([fixture('emoji.txt'), fixture('officials.txt')]);
    expect(await app.call('library:open', { path: fixture('officials.txt') })).toMatchObject({ ok: true });
  });
});
