import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary folder for one test file (Vitest or Playwright), removed when the test process
 * exits: `dir(name)` makes a fresh subfolder, `write(name, bytes)` a file in the folder (returns
 * its path).
 */
export function tempRoot(prefix: string): { root: string; dir(name: string): string; write(name: string, bytes: Uint8Array | string): string } {
  const root = mkdtempSync(join(tmpdir(), `attest-${prefix}-`));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return {
    root,
    dir(name) {
      const path = join(root, `${name}-${n++}`);
      mkdirSync(path);
      return path;
    },
    write(name, bytes) {
      const path = join(root, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}
