import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { setup } from '../support/handler-app.js';

suite('preferences through the IPC handlers (preferences.json, conf on a temp directory)', () => {
  it('none are set at first; a text size set is written at once and read back by the next start', async () => {
    const app = setup();
    expect(await app.ok('preferences:get', {})).toEqual({});
    expect(existsSync(join(app.dataDir, 'preferences.json'))).toBe(false);
    expect(await app.ok('preferences:set', { readerScale: 1.3 })).toEqual({ readerScale: 1.3 });
    expect(JSON.parse(readFileSync(join(app.dataDir, 'preferences.json'), 'utf8'))).toEqual({ schemaVersion: 1, preferences: { readerScale: 1.3 } });
    const next = setup(app.dataDir);
    expect(await next.ok('preferences:get', {})).toEqual({ readerScale: 1.3 });
  });

  it('refuses a size that is not one of the reader’s, or a key it does not know, and keeps what was stored', async () => {
    const app = setup();
    await app.ok('preferences:set', { readerScale: 0.9 });
    for (const payload of [{ readerScale: 1.2 }, { readerScale: '1.3' }, { theme: 'dark' }]) {
      const result = await app.call('preferences:set', payload);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('invalid-request');
    }
    expect(await setup(app.dataDir).ok('preferences:get', {})).toEqual({ readerScale: 0.9 });
  });

  it('a damaged preferences.json is moved aside (never deleted), its last good copy comes back, and the analyst is told', async () => {
    const app = setup();
    await app.ok('preferences:set', { readerScale: 1.5 });
    await app.ok('preferences:set', { readerScale: 1.75 });
    const file = join(app.dataDir, 'preferences.json');
    writeFileSync(file, '{"schemaVersion": 1, "preferences": {"readerScale": 7}}');
    const next = setup(app.dataDir);
    expect(await next.ok('preferences:get', {})).toEqual({ readerScale: 1.5 });
    const notices = await next.ok('session:notices', {});
    expect(notices).toEqual([expect.objectContaining({ path: file, reason: expect.stringMatching(/not a valid preferences file/) })]);
    const aside = readdirSync(app.dataDir).filter((n) => n.startsWith('preferences.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(app.dataDir, aside[0]), 'utf8')).toContain('"readerScale": 7');
  });
});
