import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findChromium } from '../../app/cli/chromium.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** How the e2e specs drive Attest on this machine. */
export type Runtime = { kind: 'electron'; executable: string } | { kind: 'chromium'; executable: string };

function electronExecutable(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pkg = join(ROOT, 'node_modules', 'electron');
  const name = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  if (override) return existsSync(join(override, name)) ? join(override, name) : null;
  // Read the installed binary's path without importing `electron` (that would start a download).
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Chooses the runtime: `ATTEST_E2E=electron|chromium` forces one; otherwise real Electron when
 * its binary exists (installed, or `ELECTRON_OVERRIDE_DIST_PATH`), else Chromium (`CHROMIUM_PATH`
 * or the usual paths). Throws with what to install when neither can run: never a silent skip.
 */
export function chooseRuntime(): Runtime {
  const forced = process.env.ATTEST_E2E;
  const electron = electronExecutable();
  const chromium = findChromium();
  if (forced === 'electron' || (!forced && electron)) {
    if (electron) return { kind: 'electron', executable: electron };
    throw new Error('ATTEST_E2E=electron, but no Electron binary was found: set ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 folder, or let `npx electron --version` download it.');
  }
  if (chromium) return { kind: 'chromium', executable: chromium };
  throw new Error(
    'The e2e tests need Electron or Chromium, and neither is here.\n' +
      '  Electron: set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder (or run `npx electron --version` online once).\n' +
      '  Chromium: `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}
