import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chooseRuntime, ROOT } from './runtime.js';

/** Fails the run at once, with a clear message, when there is nothing to drive or nothing built. */
export default function globalSetup(): void {
  const runtime = chooseRuntime();
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('The app is not built: run `npm run build` first (npm test does).');
  process.stdout.write(`e2e runtime: ${runtime.kind} (${runtime.executable})\n`);
}
