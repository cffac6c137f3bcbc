import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A temporary folder for one test file, removed after its tests; `dir(name)` makes a fresh
 * subfolder in it. Call at the top level of a test file.
 */
export function useTempRoot(prefix: string): { root: string; dir(name: string): string } {
  const root = mkdtempSync(join(tmpdir(), `attest-${prefix}-`));
  let n = 0;
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    dir(name) {
      const path = join(root, `${name}-${n++}`);
      mkdirSync(path);
      return path;
    },
  };
}
