import { resolve } from 'node:path';
import { parseAppArgs } from './cli-args.js';

/**
 * The article file a second launch of the app named (Electron's `second-instance` event gives
 * its whole `argv` and its working directory): an absolute path for the first instance to open,
 * or null when it named none. `argv[0]` is the executable; Chromium switches and the app's own
 * options are skipped as at start (`parseAppArgs`).
 */
export function fileFromSecondInstance(argv: readonly string[], workingDirectory: string): string | null {
  const { articlePath } = parseAppArgs(argv.slice(1));
  return articlePath ? resolve(workingDirectory, articlePath) : null;
}
