import { homedir } from 'node:os';
import { join } from 'node:path';

/** The application's name as Electron derives it (package.json `productName`). */
export const APP_NAME = 'Attest';

/**
 * The data directory the desktop app uses on this OS, as Electron's `app.getPath('userData')`
 * resolves it: `%APPDATA%\Attest` on Windows, `~/Library/Application Support/Attest` on macOS,
 * `$XDG_CONFIG_HOME/Attest` (default `~/.config/Attest`) elsewhere.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}
