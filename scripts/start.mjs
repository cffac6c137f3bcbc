// `npm start`: builds Attest and runs it in Electron, with the sample article unless a file is
// given (`npm start -- FILE`). Where the Electron binary cannot be had (an offline machine), it
// says so and how to get it, and offers browser mode. Electron is never imported here: importing
// it from plain Node starts its binary download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binaryName = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';

function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsSync(join(override, binaryName)) ? join(override, binaryName) : null;
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    [
      'Attest: the Electron binary is not installed on this machine.',
      '  It is downloaded on first use, which needs internet access to its release host.',
      '  Offline, point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 folder and run npm start again,',
      '  or run the same app in your installed Chromium or Chrome:  npm run start:browser [-- FILE]',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const args = [root, ...process.argv.slice(2)];
if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
const child = spawn(binary, args, { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
