import Ajv from 'ajv';
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
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
