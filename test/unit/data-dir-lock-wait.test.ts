import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../app/main/store/data-dir-lock.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('lock-wait');

/** Takes the lock of `dataDir` as `role` and lets go of it after `ms`. */
async function heldFor(dataDir: string, role: 'app' | 'cli', ms: number): Promise<void> {
  const lock = await acquireDataDirLock(dataDir, role);
  setTimeout(() => lock.release(), ms);
}

suite('the app waits a moment for a command-line write to let go of the data directory', () => {
  it('a lock a command-line write holds is waited for: the app takes it once released', async () => {
    const dataDir = temp.dir('cli');
    await heldFor(dataDir, 'cli', 300);
    const app = await acquireDataDirLock(dataDir, 'app');
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ role: 'app', pid: process.pid });
    app.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('the browser-mode server waits the same way', async () => {
    const dataDir = temp.dir('cli-browser');
    await heldFor(dataDir, 'cli', 200);
    (await acquireDataDirLock(dataDir, 'browser')).release();
  });

  it('a command-line write that holds on longer than the wait is refused, naming it', async () => {
    const dataDir = temp.dir('cli-long');
    const cli = await acquireDataDirLock(dataDir, 'cli');
    await expect(acquireDataDirLock(dataDir, 'app', 0, 150)).rejects.toThrow(/\(cli, pid \d+/);
    cli.release();
  });

  it('a lock the app holds is refused at once (the app holds it until it quits): no wait', async () => {
    const dataDir = temp.dir('app');
    await heldFor(dataDir, 'app', 300);
    await expect(acquireDataDirLock(dataDir, 'browser')).rejects.toBeInstanceOf(DataDirLockedError);
  });
});
