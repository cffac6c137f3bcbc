import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
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
 * A write first copies the current file to `<file>.bak` (through a temporary file, fsync'd and
 * renamed, so the copy is whole or absent: an independent file, whatever way the base writes),
 * then lets the base replace the file the way conf does (`atomically`: temporary file, fsync,
 * rename; in place where renaming fails). `read()` answers the very object last written: callers
 * never change an object after writing it.
 * A crash at any moment so leaves the file holding the old state or the new one (or, written in
 * place, damaged), and the `.bak` a good older one. Opening a store whose file does not parse, or
 * that `check` refuses (an empty object included: only a missing file is a new store), moves the file aside as `<file>.damaged-<time>` (never deleted), puts back
 * `<file>.bak` when that passes, and reports a `StoreNotice` to `onNotice`: the app keeps working.
 */
export function safeStoreFactory(base: JsonStoreFactory, onNotice: (notice: StoreNotice) => void, now: () => Date = () => new Date()): JsonStoreFactory {
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
        if (existsSync(path)) copyDurably(path, backup);
        store.write(value);
        current = value;
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
    // An empty object is checked too: Attest never writes one (nor do conf and electron-store
    // without defaults), so a file holding `{}` is damage, and taking it for a new store would
    // lose the record and then its `.bak` at the next write.
    const problem = check ? check(record) : null;
    return problem ? { problem } : { raw: record };
  } catch (error) {
    return { problem: (error as Error).message };
  }
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
