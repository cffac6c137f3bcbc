import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe as suite, expect, it } from 'vitest';

const core = join(import.meta.dirname, '../../app/core');
const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
/** Modules the pure core may import besides its own files. */
const ALLOWED_PACKAGES = ['zod', 'approx-string-match'];

suite('app/core is pure', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(5));
  it.each(files)('%s imports only core files and pure libraries', (file) => {
    const source = readFileSync(join(core, file), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const spec of specifiers) {
      if (spec.startsWith('.')) expect(relative(core, join(core, file, '..', spec)).startsWith('..'), `${file} imports ${spec}`).toBe(false);
      else expect(ALLOWED_PACKAGES, `${file} imports ${spec}`).toContain(spec);
    }
  });
});
