import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name in the data directory. */
export const LOCK_FILE = 'attest.lock';

/** Who holds the data directory: written into the lock file as JSON. */
export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  takenAt: string;
  /** Linux only: the holder's start time from `/proc/<pid>/stat` (clock ticks since boot), to tell a reused pid; null elsewhere. */
  processStart: string | null;
  /** What holds it: the desktop app, the browser-mode server, or a command-line write. */
  role: 'app' | 'browser' | 'cli';
}

/** The data directory is held by another live process. */
export class DataDirLockedError extends Error {
  constructor(readonly path: string, readonly holder: LockHolder) {
    super(`${path}: the data directory is in use by another Attest (${holder.role}, pid ${holder.pid}, since ${holder.takenAt}); close it first, or remove the lock file if that process is gone`);
    this.name = 'DataDirLockedError';
  }
}

/** A held lock on a data directory; `release()` removes the lock file (once). */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * How long a lock held by a command-line write (`role: 'cli'`, one import or export: it holds the
 * lock for a moment) is waited for, whatever `waitMs` says: ms.
 */
export const CLI_WAIT_MS = 5000;

/**
 * Takes the data directory's lock file (`attest.lock`, created exclusively with `wx`): one
 * writer at a time, whether the desktop app, the browser-mode server or a command-line write.
 * A lock whose holder is gone (no process with its pid, or on Linux a process with that pid that
 * started at another time) is stale and is taken over. While a live process holds it, retries
 * every 20 ms until `waitMs` has passed (`cliWaitMs` at least while the holder is a command-line
 * write, as the lock file says: it is about to let go), then throws `DataDirLockedError` naming the holder.
 */
export async function acquireDataDirLock(dataDir: string, role: LockHolder['role'], waitMs = 0, cliWaitMs = CLI_WAIT_MS): Promise<DataDirLock> {
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true });
  for (;;) {
    const result = tryAcquire(dataDir, role);
    if ('release' in result) return result;
    const wait = result.role === 'cli' ? Math.max(waitMs, cliWaitMs) : waitMs;
    if (Date.now() - started >= wait) throw new DataDirLockedError(join(dataDir, LOCK_FILE), result);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `write` while holding the data directory's lock (see `acquireDataDirLock`), then releases it. */
export async function withDataDirLock<T>(dataDir: string, role: LockHolder['role'], write: () => T | Promise<T>, waitMs = 0): Promise<T> {
  const lock = await acquireDataDirLock(dataDir, role, waitMs);
  try {
    return await write();
  } finally {
    lock.release();
  }
}

/** One attempt: the lock, or the live holder that has it. */
function tryAcquire(dataDir: string, role: LockHolder['role']): DataDirLock | LockHolder {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, takenAt: new Date().toISOString(), processStart: processStart(process.pid), role };
  const text = JSON.stringify(holder);
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = readHolder(path);
    if (existing && isAlive(existing)) return existing;
    // An unreadable lock is stale only once it is old: a fresh one may be a holder between creating and writing it.
    if (!existing && ageMs(path) < 2000) return { pid: 0, takenAt: new Date().toISOString(), processStart: null, role };
    takeOverStale(path, existing);
    return tryAcquire(dataDir, role);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      // Only our own lock is removed: one taken over as stale by someone else is theirs now.
      if (readFileOrNull(path) === text) unlinkSync(path);
    },
  };
}

/**
 * Moves a stale lock out of the way with an atomic rename; if what was moved is not the stale
 * lock that was read (another process took it over in between), it is put back with `link`,
 * which never replaces a file.
 */
function takeOverStale(path: string, stale: LockHolder | null): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (stale && moved && JSON.stringify(moved) !== JSON.stringify(stale)) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds a new lock already; the one moved aside was taken over as stale by both of us.
    }
  }
  unlinkSync(aside);
}

function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The holder written in a lock file; null when it is gone or does not parse (a lock cut short by a crash). */
function readHolder(path: string): LockHolder | null {
  const text = readFileOrNull(path);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as LockHolder;
    return typeof value.pid === 'number' ? value : null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/** Linux: field 22 of `/proc/<pid>/stat` (start time, clock ticks since boot); null where there is no /proc. */
function processStart(pid: number): string | null {
  const stat = readFileOrNull(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function ageMs(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? Date.now() - stat.mtimeMs : Infinity;
}
