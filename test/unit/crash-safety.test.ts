import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { random as seeded } from '../../bench/generate.js';
import { beforeAll, describe as suite, expect, it } from 'vitest';
import { startBrowserServer } from '../../app/main/browser/server.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { parseArticleRecord } from '../../app/main/library/store-schema.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../app/main/store/data-dir-lock.js';
import { setup } from '../support/handler-app.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('crash');
let writer: string;

beforeAll(() => {
  // The child is bundled once into plain JS: started through tsx it takes seconds, bundled ~0.3 s.
  writer = join(temp.root, 'store-writer.mjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, '../support/store-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
});

/** A data directory holding one stored article (no annotations); its id and record file. */
async function storedArticle() {
  const app = setup(temp.dir('data'));
  const path = temp.write(`article-${Math.random().toString(36).slice(2)}.txt`, 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma.\n');
  const { article } = await app.ok('article:open-dropped', { path });
  app.repository.flush();
  return { dataDir: app.dataDir, articleId: article.id as string, file: join(app.dataDir, 'articles', `${article.id}.json`) };
}

/** Starts the writer; resolves with the ids it confirmed, once it has exited. `onFirst` runs at its first confirmed write. */
function runWriter(args: string[], onFirst?: (kill: () => void) => void): Promise<{ ids: string[]; code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let first = true;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (first && out.includes('\n')) {
        first = false;
        onFirst?.(() => child.kill('SIGKILL'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // A last line without its newline was cut by the kill: not confirmed.
    child.on('close', (code, signal) => resolve({ ids: out.split('\n').slice(0, -1), code, signal, stderr }));
  });
}


/** The annotation ids of an article as a repository opened on `dataDir` reads them (its record with its journal replayed); throws on any store notice. */
function readBack(dataDir: string, articleId: string): string[] {
  const repository = new ArticleRepository(dataDir, confStoreFactory, 1e9);
  const ids = repository.get(articleId)?.annotations.map((a) => a.id) ?? [];
  if (repository.notices.length > 0) throw new Error(`${dataDir}: ${JSON.stringify(repository.notices)}`);
  return ids;
}

/** The annotation ids an article record file holds; throws when the file does not parse or fails its schema. */
function storedIds(file: string): string[] {
  const parsed = parseArticleRecord(JSON.parse(readFileSync(file, 'utf8')));
  if ('error' in parsed) throw new Error(`${file}: ${parsed.error}`);
  return parsed.record.annotations.map((a) => a.id);
}

suite('crash-safe storage', () => {
  it('200 SIGKILLs of a process saving annotations in a loop: the store parses and holds the old or the new state every time', async () => {
    const seed = Number(process.env.ATTEST_KILL_SEED ?? Date.now() % 100000);
    const random = seeded(seed);
    // Two lanes of 100 kills each, on their own data directories, to use both cores.
    const lane = async (n: number) => {
      const { dataDir, articleId, file } = await storedArticle();
      const confirmed: string[] = [];
      let unconfirmedNew = 0;
      for (let kill = 0; kill < n; kill++) {
        const delay = random() * 40;
        const run = await runWriter([dataDir, articleId, 'loop'], (stop) => setTimeout(stop, delay));
        expect(run.signal, `seed ${seed}, kill ${kill}: ${run.stderr}`).toBe('SIGKILL');
        confirmed.push(...run.ids);
        // The file parses and passes its schema by itself; what the app reads is it with its journal replayed.
        storedIds(file);
        const ids = readBack(dataDir, articleId);
        // The old state (every confirmed write) or the new one (plus the write the kill interrupted).
        if (ids.length === confirmed.length + 1) {
          confirmed.push(ids.at(-1)!);
          unconfirmedNew++;
        }
        expect(ids, `seed ${seed}, kill ${kill}`).toEqual(confirmed);
        if (existsSync(`${file}.bak`)) expect(() => storedIds(`${file}.bak`), `seed ${seed}, kill ${kill}: the last good copy`).not.toThrow();
      }
      return { writes: confirmed.length, unconfirmedNew };
    };
    const results = await Promise.all([lane(100), lane(100)]);
    // Every run was killed while saving in its loop, after its first confirmed write.
    expect(results.reduce((sum, r) => sum + r.writes, 0)).toBeGreaterThanOrEqual(200);
    // 60–105 s on 2 cores with other work running (each kill is read back through a repository too); it ran out at 180 s under a load of 10.
  }, 300_000);

  it('SIGKILLs of a process tagging with no record write at all: every change it confirmed is read back from its journal', async () => {
    const seed = Number(process.env.ATTEST_KILL_SEED ?? Date.now() % 100000);
    const random = seeded(seed);
    const { dataDir, articleId, file } = await storedArticle();
    const confirmed: string[] = [];
    for (let kill = 0; kill < 30; kill++) {
      const run = await runWriter([dataDir, articleId, 'journal'], (stop) => setTimeout(stop, random() * 40));
      expect(run.signal, `seed ${seed}, kill ${kill}: ${run.stderr}`).toBe('SIGKILL');
      confirmed.push(...run.ids);
      // The record file is as the last reopening wrote it: the changes are in the journal alone.
      expect(storedIds(file).length, `seed ${seed}, kill ${kill}`).toBeLessThan(confirmed.length);
      const ids = readBack(dataDir, articleId);
      // Every confirmed change in order, then maybe more: made (one as the kill came, and any whose
      // line the child had queued for its stdout pipe, which the kill drops) but not confirmed here.
      expect(ids.slice(0, confirmed.length), `seed ${seed}, kill ${kill}`).toEqual(confirmed);
      for (const id of ids.slice(confirmed.length)) expect(id, `seed ${seed}, kill ${kill}`).toMatch(/^journal-/);
      confirmed.splice(0, confirmed.length, ...ids);
    }
    expect(existsSync(join(dataDir, 'articles', `${articleId}.journal`))).toBe(false);
  }, 120_000);

  it('two processes writing annotations to one data directory through its lock: no confirmed write is lost', async () => {
    const { dataDir, articleId, file } = await storedArticle();
    const [a, b] = await Promise.all([runWriter([dataDir, articleId, 'locked', '25', 'a']), runWriter([dataDir, articleId, 'locked', '25', 'b'])]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(a.ids).toHaveLength(25);
    expect(b.ids).toHaveLength(25);
    const stored = storedIds(file);
    expect(stored).toHaveLength(50);
    expect(new Set(stored)).toEqual(new Set([...a.ids, ...b.ids]));
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('a command-line write is refused while the app holds the data directory, naming the holder', async () => {
    const dataDir = temp.dir('locked');
    const app = await acquireDataDirLock(dataDir, 'app');
    const refused = acquireDataDirLock(dataDir, 'cli', 100);
    await expect(refused).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(refused).rejects.toThrow(`app, pid ${process.pid}`);
    app.release();
    const cli = await acquireDataDirLock(dataDir, 'cli');
    cli.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('the browser-mode server refuses a data directory the app holds, and takes it once free', async () => {
    const dataDir = temp.dir('server');
    const options = { dataDir, rendererDir: temp.dir('renderer'), dialogs: { chooseArticle: async () => null, chooseExportPath: async () => null, chooseFolder: async () => null }, initialPath: null, generator: { name: 'Attest', version: 'test' } };
    const app = await acquireDataDirLock(dataDir, 'app');
    await expect(startBrowserServer(options)).rejects.toBeInstanceOf(DataDirLockedError);
    app.release();
    const server = await startBrowserServer(options);
    await expect(acquireDataDirLock(dataDir, 'cli')).rejects.toThrow('browser');
    await server.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('a lock left by a process that is gone is stale and taken over', async () => {
    const dataDir = temp.dir('stale');
    const gone = spawn(process.execPath, ['-e', '']);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.on('close', resolve));
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid, takenAt: '2026-01-01T00:00:00.000Z', processStart: null, role: 'app' }));
    const lock = await acquireDataDirLock(dataDir, 'cli');
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, role: 'cli' });
    lock.release();
  });

  it('a lock whose pid was reused by another process (another start time) is stale', async () => {
    const dataDir = temp.dir('reused');
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, takenAt: '2026-01-01T00:00:00.000Z', processStart: '1', role: 'app' }));
    const lock = await acquireDataDirLock(dataDir, 'cli');
    lock.release();
  });
});
