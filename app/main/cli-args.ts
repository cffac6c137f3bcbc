import { fileURLToPath } from 'node:url';
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
 * and the first argument naming a file of a format Attest reads, as a path or as a `file:` URL
 * (what Linux launchers pass for the `%U` of the `.desktop` file electron-builder writes; turned
 * into a path by Node's `fileURLToPath`, percent-escapes decoded; a `file:` URL naming another
 * host is skipped). Chromium switches are ignored.
 */
export function parseAppArgs(argv: readonly string[]): AppArgs {
  let dataDir: string | null = null;
  let articlePath: string | null = null;
  let noSample = false;
  for (const arg of argv) {
    if (arg === '--no-sample') noSample = true;
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else if (!arg.startsWith('-') && !articlePath) {
      const path = /^file:/i.test(arg) ? pathOfFileUrl(arg) : arg;
      if (path && formatOf(path)) articlePath = path;
    }
  }
  return { articlePath, dataDir, noSample };
}

/** The local path a `file:` URL names, or null when it names none (another host, a malformed URL). */
function pathOfFileUrl(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}
