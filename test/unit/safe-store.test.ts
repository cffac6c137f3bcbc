import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import type { JsonStoreFactory } from '../../app/main/store/json-store.js';
import { safeStoreFactory, type StoreNotice } from '../../app/main/store/safe-store.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('safe-store');
const check = (raw: Record<string, unknown>) => (typeof raw.n === 'number' ? null : 'no n');

function factory(): { open: JsonStoreFactory; notices: StoreNotice[] } {
  const notices: StoreNotice[] = [];
  return { open: safeStoreFactory(confStoreFactory, (n) => notices.push(n)), notices };
}

const contentOf = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

suite('safe store', () => {
  it('reads its file once, on open: what it holds afterwards is what was read or last written', () => {
    const cwd = temp.dir('once');
    const file = join(cwd, 'settings.json');
    writeFileSync(file, JSON.stringify({ n: 1 }));
    const store = factory().open({ cwd, name: 'settings', check });
    // Changed behind its back (nothing does this while main holds the data directory's lock).
    writeFileSync(file, JSON.stringify({ n: 99 }));
    expect(store.read()).toEqual({ n: 1 });
    store.write({ n: 2 });
    expect(store.read()).toEqual({ n: 2 });
    expect(contentOf(file)).toEqual({ n: 2 });
  });

  it('a write keeps the previous content as .bak, and the new content replaces it', () => {
    const cwd = temp.dir('rotate');
    const file = join(cwd, 'settings.json');
    const bak = `${file}.bak`;
    const store = factory().open({ cwd, name: 'settings', check });
    store.write({ n: 1 });
    expect(existsSync(bak)).toBe(false);
    for (let n = 2; n <= 4; n++) {
      store.write({ n });
      expect(contentOf(file)).toEqual({ n });
      expect(contentOf(bak)).toEqual({ n: n - 1 });
    }
  });

  it('a damaged file is moved aside and the .bak restored; the restored store keeps working', () => {
    const cwd = temp.dir('restore');
    const file = join(cwd, 'settings.json');
    const first = factory().open({ cwd, name: 'settings', check });
    first.write({ n: 1 });
    first.write({ n: 2 });
    writeFileSync(file, '{"n": 3, "cut');
    const { open, notices } = factory();
    const store = open({ cwd, name: 'settings', check });
    expect(store.read()).toEqual({ n: 1 });
    expect(notices).toEqual([expect.objectContaining({ path: file, restoredFrom: `${file}.bak` })]);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe('{"n": 3, "cut');
    // The restored file is a copy: writing it keeps the .bak it came from as the previous copy.
    store.write({ n: 5 });
    expect(contentOf(file)).toEqual({ n: 5 });
    expect(contentOf(`${file}.bak`)).toEqual({ n: 1 });
  });

  it('a base that writes in place (as conf does after a failed rename) never changes the .bak, even when its write is cut off', () => {
    const cwd = temp.dir('in-place');
    const file = join(cwd, 'settings.json');
    let cut = false;
    // A real store that truncates and rewrites its one file, the way conf falls back to; cut: it dies halfway.
    const inPlace: JsonStoreFactory = () => ({
      path: file,
      read: () => contentOf(file),
      write: (value) => {
        mkdirSync(cwd, { recursive: true });
        const text = JSON.stringify(value);
        writeFileSync(file, cut ? text.slice(0, 5) : text);
        if (cut) throw new Error('killed');
      },
    });
    const store = safeStoreFactory(inPlace, () => {})({ cwd, name: 'settings', check });
    store.write({ n: 1 });
    store.write({ n: 2 });
    expect(contentOf(`${file}.bak`)).toEqual({ n: 1 });
    cut = true;
    expect(() => store.write({ n: 3 })).toThrow('killed');
    expect(contentOf(`${file}.bak`)).toEqual({ n: 2 });
    const { open, notices } = factory();
    expect(open({ cwd, name: 'settings', check }).read()).toEqual({ n: 2 });
    expect(notices).toEqual([expect.objectContaining({ restoredFrom: `${file}.bak` })]);
  });

  it('a file holding {} is damage, not a new store: moved aside and the .bak restored; a missing file is new, with no notice', () => {
    const cwd = temp.dir('empty-object');
    const file = join(cwd, 'settings.json');
    const fresh = factory();
    const first = fresh.open({ cwd, name: 'settings', check });
    expect(first.read()).toEqual({});
    first.write({ n: 1 });
    first.write({ n: 2 });
    expect(fresh.notices).toEqual([]);
    writeFileSync(file, '{}');
    const { open, notices } = factory();
    const store = open({ cwd, name: 'settings', check });
    expect(store.read()).toEqual({ n: 1 });
    expect(notices).toEqual([expect.objectContaining({ path: file, reason: 'no n', restoredFrom: `${file}.bak` })]);
    expect(readFileSync(notices[0].movedTo, 'utf8')).toBe('{}');
    store.write({ n: 3 });
    expect(contentOf(`${file}.bak`)).toEqual({ n: 1 });
  });

  it('conf itself writes no {}: opening a store on a new folder creates no file, its first write is what Attest gave', () => {
    const cwd = temp.dir('conf-new');
    const conf = confStoreFactory({ cwd, name: 'settings' });
    expect(conf.read()).toEqual({});
    expect(existsSync(join(cwd, 'settings.json'))).toBe(false);
    conf.write({ n: 1 });
    expect(contentOf(join(cwd, 'settings.json'))).toEqual({ n: 1 });
    const { open, notices } = factory();
    expect(open({ cwd, name: 'settings', check }).read()).toEqual({ n: 1 });
    expect(notices).toEqual([]);
  });
});
