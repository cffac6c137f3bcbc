import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMAT_BY_EXTENSION } from '../main/importers/index.js';
import type { Dialogs } from '../main/ipc/context.js';

/** Chromium or Chrome on this machine: `CHROMIUM_PATH`, else the usual install paths; null if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

/** Flags for a Chromium that talks to nobody but this machine (and runs as root where CI does). */
export function chromiumFlags(): string[] {
  const flags = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'];
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  return flags;
}

/** Opens `url` in Chromium as an app window with a fresh profile; null (with a message) when there is no Chromium. */
export function openChromiumApp(url: string): ChildProcess | null {
  const chromium = findChromium();
  if (!chromium) {
    process.stderr.write('No Chromium or Chrome found (set CHROMIUM_PATH): open the address above in a Chromium-based browser.\n');
    return null;
  }
  const profile = mkdtempSync(join(tmpdir(), 'attest-chromium-'));
  return spawn(chromium, [...chromiumFlags(), `--user-data-dir=${profile}`, `--app=${url}`], { stdio: 'ignore' });
}

/**
 * Browser-mode dialogs: a desktop file chooser through `zenity` when the machine has it;
 * otherwise open and export explain themselves through the error they throw.
 */
export function terminalDialogs(): Dialogs {
  const zenity = (args: string[]): string | null => {
    const result = spawnSync('zenity', args, { encoding: 'utf8' });
    if (result.error) throw new Error('this machine has no file dialog for browser mode (install zenity), or pass the article: npm run start:browser -- FILE');
    return result.status === 0 ? result.stdout.trim() || null : null;
  };
  return {
    chooseArticle: async () => zenity(['--file-selection', '--title=Open article', `--file-filter=Articles | ${Object.keys(FORMAT_BY_EXTENSION).map((e) => `*${e}`).join(' ')}`]),
    chooseExportPath: async (name) => zenity(['--file-selection', '--save', '--confirm-overwrite', `--filename=${name}`]),
    chooseFolder: async () => zenity(['--file-selection', '--directory', '--title=Add a library folder']),
    chooseImportFile: async () => zenity(['--file-selection', '--title=Import annotations', '--file-filter=Attest JSON or W3C Web Annotation | *.json *.jsonld']),
  };
}
