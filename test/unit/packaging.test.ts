import Ajv from 'ajv';
import yaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';

// electron-builder.yml, checked against electron-builder's own configuration schema (the one it
// validates with before building), so a packaging typo fails here rather than at release time.
const root = join(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

suite('electron-builder.yml', () => {
  it('is valid for electron-builder', () => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the validation catches a misspelt option', () => {
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('packages Linux (AppImage, deb), Windows (NSIS) and macOS (dmg), with the app and its sample', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**', 'package.json']));
  });

  it('associates every article format the importers read (not .json: most JSON files are no Attest export)', async () => {
    const { FORMAT_BY_EXTENSION, isArticleFile } = await import('../../app/main/importers/index.js');
    const associated = config.fileAssociations.flatMap((a: { ext: string[] }) => a.ext.map((e) => `.${e}`));
    expect([...associated].sort()).toEqual(Object.keys(FORMAT_BY_EXTENSION).filter((e) => isArticleFile(`article${e}`)).sort());
  });
});

suite('the application icon', () => {
  it('electron-builder finds it: a 512 x 512 PNG at buildResources/icon.png (scripts/make-icon.py writes it)', () => {
    const png = readFileSync(join(root, config.directories.buildResources, 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

suite('package.json: what the packaged app carries', () => {
  /** The third-party packages imported by the code that runs in Node (app/: main, preload, command line, core), by name. */
  function packagesImportedByApp(): Set<string> {
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          for (const [, spec] of readFileSync(path, 'utf8').matchAll(/(?:from|import\()\s*'([^.'][^']*)'/g)) {
            if (spec.startsWith('node:')) continue;
            found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
          }
        }
      }
    };
    walk(join(root, 'app'));
    return found;
  }

  it('dependencies are exactly what app/ imports at run time (electron aside); the renderer\'s packages are bundled into it and stay dev dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const imported = packagesImportedByApp();
    imported.delete('electron');
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...imported].sort());
    for (const renderer of ['react', 'react-dom', 'prosemirror-view', 'prosemirror-state']) expect(pkg.devDependencies[renderer], renderer).toBeDefined();
  });
});
