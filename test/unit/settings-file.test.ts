import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe as suite, expect, it } from 'vitest';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { safeStoreFactory, type StoreNotice } from '../../app/main/store/safe-store.js';
import { openSettingsFile } from '../../app/main/store/settings-file.js';
import { StoreError } from '../../app/main/store/store-error.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('settings-file');

/** A schema that counts the contents it validates. */
function counted() {
  const seen: unknown[] = [];
  const schema = z.object({ schemaVersion: z.literal(1), names: z.array(z.string()) }).superRefine((value) => void seen.push(value));
  return { schema, seen };
}

const options = (cwd: string, schema: ReturnType<typeof counted>['schema']) => ({ cwd, name: 'names', schema, what: 'valid names', empty: { schemaVersion: 1 as const, names: [] } });

suite('a settings file', () => {
  it('is validated once on open, through the safe store', () => {
    const cwd = temp.dir('once');
    writeFileSync(join(cwd, 'names.json'), JSON.stringify({ schemaVersion: 1, names: ['Ada'] }));
    const { schema, seen } = counted();
    const { value } = openSettingsFile(safeStoreFactory(confStoreFactory, () => {}), options(cwd, schema));
    expect(value).toEqual({ schemaVersion: 1, names: ['Ada'] });
    expect(seen).toHaveLength(1);
  });

  it('is the empty value when there is no file yet, and writes through its store', () => {
    const cwd = temp.dir('new');
    const { schema, seen } = counted();
    const { store, value } = openSettingsFile(safeStoreFactory(confStoreFactory, () => {}), options(cwd, schema));
    expect(value).toEqual({ schemaVersion: 1, names: [] });
    expect(seen).toHaveLength(0);
    store.write({ schemaVersion: 1, names: ['Grace'] });
    expect(openSettingsFile(confStoreFactory, options(cwd, counted().schema)).value.names).toEqual(['Grace']);
  });

  it('damaged: moved aside, its last good copy restored and its value given, each content validated once', () => {
    const cwd = temp.dir('damaged');
    const file = join(cwd, 'names.json');
    const before = openSettingsFile(safeStoreFactory(confStoreFactory, () => {}), options(cwd, counted().schema)).store;
    before.write({ schemaVersion: 1, names: ['Ada'] });
    before.write({ schemaVersion: 1, names: ['Ada', 'Grace'] });
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, names: [7] }));
    const notices: StoreNotice[] = [];
    const { schema, seen } = counted();
    const { value } = openSettingsFile(safeStoreFactory(confStoreFactory, (n) => notices.push(n)), options(cwd, schema));
    expect(value.names).toEqual(['Ada']);
    expect(notices).toEqual([expect.objectContaining({ path: file, restoredFrom: `${file}.bak`, reason: expect.stringMatching(/^not valid names \(/) })]);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe('{"schemaVersion":1,"names":[7]}');
    // The damaged content fails before its refinement runs; the copy is validated once.
    expect(seen).toEqual([{ schemaVersion: 1, names: ['Ada'] }]);
  });

  it('through a plain store, a content that fails throws StoreError naming the file, which is left as it is', () => {
    const cwd = temp.dir('plain');
    const file = join(cwd, 'names.json');
    writeFileSync(file, '{"schemaVersion":2,"names":[]}');
    expect(() => openSettingsFile(confStoreFactory, options(cwd, counted().schema))).toThrow(StoreError);
    expect(() => openSettingsFile(confStoreFactory, options(cwd, counted().schema))).toThrow(`${file}: not valid names (`);
    expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion":2,"names":[]}');
  });

  it('through a plain store, a file holding {} is validated like any content (only a missing file is new)', () => {
    const cwd = temp.dir('plain-empty');
    const file = join(cwd, 'names.json');
    writeFileSync(file, '{}');
    expect(() => openSettingsFile(confStoreFactory, options(cwd, counted().schema))).toThrow(`${file}: not valid names (`);
    expect(readFileSync(file, 'utf8')).toBe('{}');
  });
});
