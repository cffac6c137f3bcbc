import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JsonStoreFactory } from '../app/main/store/json-store.js';

/**
 * A `JsonStoreFactory` for building a large data directory fast (W4's setup): each store's writes
 * are kept in memory and `finish()` writes its last value once, in the file format of `conf`
 * (`JSON.stringify(value, undefined, '\t')`, which `ArticleRepository` reads back through conf),
 * without conf's fsync, re-read and check on every write. A repository putting 10,000 articles
 * through it rewrites the index 10,000 times in memory and once on disk. The value written is kept,
 * not copied (copying the index each time would cost what this saves), so it is serialised as it
 * is at `finish()`: call that after `ArticleRepository.flush()`, which writes every change it made.
 * Reads see the last value written, else the file. Not for the app: nothing is on disk before `finish()`.
 */
export function bulkStoreFactory(): { factory: JsonStoreFactory; finish(): number } {
  const pending = new Map<string, Record<string, unknown>>();
  const factory: JsonStoreFactory = ({ cwd, name }) => {
    const path = join(cwd, `${name}.json`);
    return {
      path,
      read: () => pending.get(path) ?? (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {}),
      write: (value) => {
        pending.set(path, value);
      },
    };
  };
  const finish = () => {
    const count = pending.size;
    for (const [path, value] of pending) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(value, undefined, '\t'));
    }
    pending.clear();
    return count;
  };
  return { factory, finish };
}
