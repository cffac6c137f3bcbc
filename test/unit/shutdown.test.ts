import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { tagSpan } from '../../app/core/tagging.js';
import { startBrowserServer } from '../../app/main/browser/server.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { closeDataDir, closeWindow, quitAfter } from '../../app/main/shutdown.js';
import { acquireDataDirLock, LOCK_FILE } from '../../app/main/store/data-dir-lock.js';
import { setup, tempDir } from '../support/handler-app.js';

/** An article opened and tagged once, its record written; a tagger for more. */
async function tagged() {
  const app = setup();
  const path = join(tempDir('article'), 'budget.txt');
  writeFileSync(path, 'The budget grew by a tenth, the minister said on Tuesday.');
  const { article } = await app.ok('article:open-dropped', { path });
  const record = join(app.dataDir, 'articles', `${article.id}.json`);
  const tag = async (start: number, end: number): Promise<string> => (await app.ok('annotation:create', { articleId: article.id, type: 'claim', start, end })).id;
  const first = await tag(4, 10);
  app.repository.flush();
  const onDisk = (): string[] => JSON.parse(readFileSync(record, 'utf8')).annotations.map((a: { id: string }) => a.id);
  return { app, path, record, tag, first, onDisk };
}

suite('closing the data directory: the library, then the last writes, then the lock', () => {
  it('the lock is released only once the library’s work under way is done and its change written', async () => {
    const { app, tag, first, onDisk } = await tagged();
    const lock = await acquireDataDirLock(app.dataDir, 'app');
    let late = '';
    // The library's close waits for file work under way: here, work that stores a change as it ends.
    const library = { close: () => new Promise<void>((done) => setTimeout(() => void tag(11, 15).then((id) => ((late = id), done())), 30)) };
    let onDiskAtRelease: string[] = [];
    await closeDataDir({ library, repository: app.repository, lock: { release: () => ((onDiskAtRelease = onDisk()), lock.release()) } });
    expect(onDiskAtRelease).toEqual([first, late]);
    expect(existsSync(join(app.dataDir, LOCK_FILE))).toBe(false);
  });

  it('a record that cannot be written: no throw, the lock is released, the change stays in the journal for the next start', async () => {
    const { app, record, tag, first } = await tagged();
    const lock = await acquireDataDirLock(app.dataDir, 'app');
    rmSync(record);
    mkdirSync(record);
    const second = await tag(11, 15);
    const logged: string[] = [];
    await closeDataDir({ library: app.library, repository: app.repository, lock, log: (line) => logged.push(line) });
    expect(existsSync(join(app.dataDir, LOCK_FILE))).toBe(false);
    expect(logged).toEqual([expect.stringContaining(record)]);
    expect(readFileSync(record.replace(/\.json$/, '.journal'), 'utf8')).toContain(second);
    expect(first).not.toBe(second);
    // No retry once the lock is gone (this repository's is due 20 checkpoint delays of 10 ms after the failure).
    rmSync(record, { recursive: true });
    await new Promise((done) => setTimeout(done, 500));
    expect(existsSync(record)).toBe(false);
  });

  it('the browser-mode server closes the same way: a record that cannot be written neither throws nor keeps the lock', async () => {
    const dataDir = tempDir('server');
    const server = await startBrowserServer({ dataDir, rendererDir: tempDir('renderer'), dialogs: { chooseArticle: async () => null, chooseExportPath: async () => null, chooseFolder: async () => null, chooseImportFile: async () => null }, initialPath: null, generator: { name: 'Attest', version: 'test' } });
    const path = join(tempDir('article'), 'memo.txt');
    writeFileSync(path, 'The memo was sent on Friday.');
    const { article } = await openArticle(server.repository, path);
    const record = join(dataDir, 'articles', `${article.id}.json`);
    rmSync(record);
    mkdirSync(record);
    const tagging = tagSpan(article.text, [], 'claim', 4, 8, 'kept-in-journal', '2026-01-01T00:00:00.000Z');
    if (tagging.kind !== 'new') throw new Error(`not tagged: ${tagging.kind}`);
    server.repository.addAnnotation(article.id, tagging.annotation);
    await expect(server.close()).resolves.toBeUndefined();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(readFileSync(record.replace(/\.json$/, '.journal'), 'utf8')).toContain('kept-in-journal');
  });
});

suite('quitting waits for the shutdown, once', () => {
  it('prevents the first quit and those asked meanwhile, runs the shutdown once, then quits and lets that quit through', async () => {
    let finish = () => {};
    let runs = 0;
    let quits = 0;
    const listener = quitAfter(
      () => new Promise<void>((done) => ((runs++, (finish = done)))),
      () => quits++,
    );
    const quit = () => {
      const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
      listener(event);
      return event.prevented;
    };
    expect(quit()).toBe(true);
    expect(quit()).toBe(true);
    expect([runs, quits]).toEqual([1, 0]);
    finish();
    await new Promise((done) => setTimeout(done, 0));
    expect([runs, quits]).toEqual([1, 1]);
    expect(quit()).toBe(false);
    expect(runs).toBe(1);
  });

  it('a shutdown that fails still ends in the quit', async () => {
    let quits = 0;
    const listener = quitAfter(() => Promise.reject(new Error('disk gone')), () => quits++);
    listener({ preventDefault: () => undefined });
    await new Promise((done) => setTimeout(done, 0));
    expect(quits).toBe(1);
  });

  it('closeWindow resolves once the window is closed, at once for none, and after the timeout for one that stays open', async () => {
    const closing = Object.assign(new EventEmitter(), { isDestroyed: () => false, close: () => setTimeout(() => closing.emit('closed'), 10) });
    await expect(closeWindow(closing)).resolves.toBeUndefined();
    await expect(closeWindow(null)).resolves.toBeUndefined();
    let closed = false;
    const stuck = Object.assign(new EventEmitter(), { isDestroyed: () => false, close: () => undefined });
    void closeWindow(stuck, 30).then(() => (closed = true));
    await new Promise((done) => setTimeout(done, 5));
    expect(closed).toBe(false);
    await new Promise((done) => setTimeout(done, 60));
    expect(closed).toBe(true);
  });
});

