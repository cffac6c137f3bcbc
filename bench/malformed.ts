/**
 * Malformed-input benchmark: each case of `test/support/malformed-cases.ts` imported 3 times;
 * prints the slowest time and the heap growth. Goal (issue 6): every case ends within 2 s, in an
 * article or a clear `ImportError`. Run: `npx tsx bench/malformed.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../app/main/importers/index.js';
import { MALFORMED_CASES } from '../test/support/malformed-cases.js';

const GOAL_MS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'attest-bench-malformed-'));
let failed = 0;
try {
  for (const c of MALFORMED_CASES) {
    const path = join(dir, c.file);
    writeFileSync(path, c.bytes());
    let slowest = 0;
    let outcome = '';
    const heap = process.memoryUsage().heapUsed;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      outcome = await importFile(path).then(() => 'article', (error: Error & { code?: string }) => error.code ?? error.name);
      slowest = Math.max(slowest, performance.now() - started);
    }
    const over = slowest > GOAL_MS;
    if (over) failed++;
    process.stdout.write(`${over ? 'OVER' : 'ok  '} ${c.name}: ${outcome}, slowest ${slowest.toFixed(0)} ms, heap +${((process.memoryUsage().heapUsed - heap) / 2 ** 20).toFixed(0)} MiB\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed > 0 ? 1 : 0;
