import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { JsonStore, JsonStoreFactory, StoreCheck } from './json-store.js';

/** What happened to a damaged store file: where it was moved aside and what came back in its place. */
export interface StoreNotice {
  /** The store file that did not parse or failed its schema (absolute path). */
  path: string;
  /** Why it was refused: the parse or schema error. */
  reason: string;
  /** Where the damaged file now is: beside it, named with the time it was moved (never deleted). */
  movedTo: string;
  /** The last good copy put back in its place (`<file>.bak`), or null when there was none that passed. */
  restoredFrom: string | null;
}

/** The last good copy of a store file: `<file>.bak`, beside it. */
export const backupPathOf = (path: string): string => `${path}.bak`;

/**
 * Wraps a `JsonStoreFactory` so that every store keeps its previous good copy and recovers from
 * damage. Opening reads the file once (`JSON.parse`) and checks it; `read()` then answers what
 * was read, or what was last written, without reading the file again (main is the data
 * directory's only writer: see `data-dir-lock.ts`). The base store is opened at the first write.
 * A write first makes the current file `<file>.bak` by a hard link (the file itself, not a copy:
 * a link made beside it, renamed over the old `.bak`), then lets the base replace the file the
 * way conf does (`atomically`: temporary file, fsync, rename), which leaves the linked `.bak`
 * holding the old content. Where links are refused (some file systems), or the base is seen to
 * write in place (conf does under Snap and after an `EXDEV`), the `.bak` is a durable copy instead.
 * A crash at any moment so leaves the file holding the old state or the new one, and the `.bak` a
 * good older one. Opening a store whose file does not parse, or that `check` refuses, moves the
 * file aside as `<file>.damaged-<time>` (never deleted), puts back `<file>.bak` when that passes,
 * and reports a `StoreNotice` to `onNotice`: the app keeps working.
 */
export function safeStoreFactory(base: JsonStoreFactory, onNotice: (notice: StoreNotice) => void, now: () => Date = () => new Date()): JsonStoreFactory {
  // Conf writes in place under Snap: a linked `.bak` would change with the file.
  let copyBackups = Boolean(process.env.SNAP);
  return ({ cwd, name, check }) => {
    const path = resolve(cwd, `${name}.json`);
    const backup = backupPathOf(path);
    let opened = readChecked(path, check);
    if ('problem' in opened) {
      const movedTo = `${path}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(path, movedTo);
      const good = existsSync(backup) ? readChecked(backup, check) : null;
      const restored = good && 'raw' in good ? good : null;
      if (restored) copyDurably(backup, path);
      onNotice({ path, reason: opened.problem, movedTo, restoredFrom: restored ? backup : null });
      opened = restored ?? { raw: {} };
    }
    let current = opened.raw;
    let store: JsonStore | null = null;
    return {
      path,
      read: () => current,
      write: (value) => {
        store ??= base({ cwd, name });
        if (existsSync(path)) copyBackups = keepPrevious(path, backup, copyBackups);
        store.write(value);
        current = value;
        if (!copyBackups && sameFile(path, backup)) copyBackups = true;
      },
    };
  };
}

/** The parsed content of a store file (an empty object when there is none), or why it is refused. */
function readChecked(path: string, check: StoreCheck | undefined): { raw: Record<string, unknown> } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { raw: {} };
    return { problem: (error as Error).message };
  }
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'not a JSON object' };
    const record = raw as Record<string, unknown>;
    const problem = Object.keys(record).length > 0 && check ? check(record) : null;
    return problem ? { problem } : { raw: record };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/**
 * Makes the file at `path` its `.bak`: a hard link made beside it and renamed over the old one,
 * or a durable copy when `copy` is set or the link is refused. Returns whether copies are to be
 * made from now on.
 */
function keepPrevious(path: string, backup: string, copy: boolean): boolean {
  if (copy) {
    copyDurably(path, backup);
    return true;
  }
  const temp = tempPathFor(backup);
  rmSync(temp, { force: true });
  try {
    linkSync(path, temp);
  } catch {
    copyDurably(path, backup);
    return true;
  }
  renameSync(temp, backup);
  // A rename between two links of one file (left so by a crash after this rename) does nothing: the link stays.
  rmSync(temp, { force: true });
  return false;
}

/** Whether two paths name the same file (a base that wrote in place through the `.bak`'s link). */
function sameFile(a: string, b: string): boolean {
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** Copies `from` to `to` through a temporary file that is fsync'd and renamed: `to` is whole or unchanged. */
function copyDurably(from: string, to: string): void {
  const temp = tempPathFor(to);
  copyFileSync(from, temp);
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, to);
}
