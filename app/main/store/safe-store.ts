import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
 * damage. A write first copies the current file to `<file>.bak` (through a temporary file,
 * fsync'd and renamed, so the copy is whole or absent) and then replaces the file itself the way
 * conf does (`atomically`: temporary file, fsync, rename). A crash at any moment so leaves the
 * file holding the old state or the new one, and the `.bak` a good older one.
 * Opening a store whose file does not parse, or that `check` refuses, moves the file aside as
 * `<file>.damaged-<time>` (never deleted), puts back `<file>.bak` when that passes, reports a
 * `StoreNotice` to `onNotice`, and opens the store again: the app keeps working.
 */
export function safeStoreFactory(base: JsonStoreFactory, onNotice: (notice: StoreNotice) => void, now: () => Date = () => new Date()): JsonStoreFactory {
  return ({ cwd, name, check }) => {
    const path = join(cwd, `${name}.json`);
    const problem = problemOf(() => base({ cwd, name }), check);
    if (problem) {
      const movedTo = `${path}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(path, movedTo);
      const backup = backupPathOf(path);
      const restoredFrom = existsSync(backup) && !problemOfFile(backup, check) ? backup : null;
      if (restoredFrom) copyDurably(restoredFrom, path);
      onNotice({ path, reason: problem, movedTo, restoredFrom });
    }
    const store = base({ cwd, name });
    return {
      path: store.path,
      read: () => store.read(),
      write: (value) => {
        if (existsSync(store.path)) copyDurably(store.path, backupPathOf(store.path));
        store.write(value);
      },
    };
  };
}

/** Why opening and reading a store fails or its content is refused; null when it is fine. */
function problemOf(open: () => JsonStore, check: StoreCheck | undefined): string | null {
  try {
    const raw = open().read();
    return Object.keys(raw).length > 0 && check ? check(raw) : null;
  } catch (error) {
    return (error as Error).message;
  }
}

function problemOfFile(path: string, check: StoreCheck | undefined): string | null {
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object';
    return check ? check(raw as Record<string, unknown>) : null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Copies `from` to `to` through a temporary file that is fsync'd and renamed: `to` is whole or unchanged. */
function copyDurably(from: string, to: string): void {
  const temp = join(dirname(to), `.${basename(to)}.${process.pid}.tmp`);
  copyFileSync(from, temp);
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, to);
}
