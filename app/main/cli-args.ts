import { formatOf } from './importers/index.js';

/** What the app's own command line says: an article to open and a data directory. */
export interface AppArgs {
  articlePath: string | null;
  dataDir: string | null;
  /** `--no-sample`: start with no article instead of the bundled sample. */
  noSample: boolean;
}

/**
 * Reads the app's command line (after Electron's own arguments): `--data-dir=DIR`, `--no-sample`
 * and the first argument naming a file of a format Attest reads. Chromium switches are ignored.
 */
export function parseAppArgs(argv: readonly string[]): AppArgs {
  let dataDir: string | null = null;
  let articlePath: string | null = null;
  let noSample = false;
  for (const arg of argv) {
    if (arg === '--no-sample') noSample = true;
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (!arg.startsWith('-') && !articlePath && formatOf(arg)) articlePath = arg;
  }
  return { articlePath, dataDir, noSample };
}
