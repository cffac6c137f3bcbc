import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe as suite, expect, it } from 'vitest';

// Process boundaries as the style guide draws them, checked on the source.
const root = join(import.meta.dirname, '../..');
const sources = ['app', 'renderer/src']
  .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
  .filter((f) => /\.tsx?$/.test(f));
const imports = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*import\s+(?:type\s+)?(?:\{([^}]*)\}|[\w*\s,{}]+)\s+from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ names: m[1] ?? '', from: m[2] }));

suite('process boundaries', () => {
  it('finds the sources', () => expect(sources.length).toBeGreaterThan(20));

  it('only app/main/ipc/register.ts uses ipcMain, only the preload ipcRenderer', () => {
    const users = (name: string) => sources.filter((f) => imports(f).some((i) => i.from === 'electron' && new RegExp(`\\b${name}\\b`).test(i.names)));
    expect(users('ipcMain')).toEqual(['app/main/ipc/register.ts']);
    expect(users('ipcRenderer')).toEqual(['app/preload/index.ts']);
  });

  it('electron and electron-store are imported only by main and the preload', () => {
    const offenders = sources.filter((f) => !f.startsWith('app/main/') && !f.startsWith('app/preload/') && imports(f).some((i) => i.from === 'electron' || i.from === 'electron-store'));
    expect(offenders).toEqual([]);
  });

  it('code that plain Node runs (CLI, browser mode, handlers, importers, store over conf) imports no Electron', () => {
    // Follow relative imports from the plain-Node entry points.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { from } of imports(file)) {
        if (from.startsWith('.')) visit(relative(root, join(root, file, '..', from)).replace(/\.js$/, '.ts'));
      }
    };
    visit('app/cli/main.ts');
    expect([...seen].length).toBeGreaterThan(10);
    const electronUsers = [...seen].filter((f) => imports(f).some((i) => i.from === 'electron' || i.from === 'electron-store'));
    expect(electronUsers).toEqual([]);
  });

  it('the renderer imports nothing of main, the preload or Node', () => {
    const offenders = sources
      .filter((f) => f.startsWith('renderer/'))
      .flatMap((f) => imports(f).filter((i) => /app\/(main|preload|cli)\//.test(i.from) || i.from.startsWith('node:')).map((i) => `${f}: ${i.from}`));
    expect(offenders).toEqual([]);
  });
});
