import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonStoreFactory } from './json-store.js';
import { StoreError } from './store-error.js';

/**
 * A `JsonStoreFactory` that never changes a file: for reading a data directory another process
 * holds (`ArticleRepository.readOnly`). Opening reads `<cwd>/<name>.json` once (a missing file
 * reads as `{}`); a file that does not parse, or that `check` refuses, throws `StoreError` and
 * is left as it is (the holder sets it aside when it reads it). `write` throws `StoreError`.
 */
export const readOnlyStoreFactory: JsonStoreFactory = ({ cwd, name, check }) => {
  const path = resolve(cwd, `${name}.json`);
  const value = readStoreFile(path, check);
  return {
    path,
    read: () => value,
    write: () => {
      throw new StoreError(path, 'opened read-only: another Attest holds this data directory');
    },
  };
};

function readStoreFile(path: string, check: ((raw: Record<string, unknown>) => string | null) | undefined): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new StoreError(path, (error as Error).message);
  }
  const damaged = (reason: string) => new StoreError(path, `${reason}; the Attest that holds the data directory sets a damaged store file aside when it reads it`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw damaged('not a JSON object');
  const problem = check ? check(raw as Record<string, unknown>) : null;
  if (problem) throw damaged(problem);
  return raw as Record<string, unknown>;
}
