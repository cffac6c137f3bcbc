import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { dispatch } from '../../app/main/ipc/dispatch.js';
import { isNavigationAllowed } from '../../app/main/window/policy.js';
import { setup } from '../support/handler-app.js';

const root = join(import.meta.dirname, '..', '..');
/** A source without comments, so a doc comment naming an API does not count as using it. */
const code = (path: string) => readFileSync(join(root, path), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

suite('reloading the window (the error screen’s Reload)', () => {
  it('a reload the page starts itself is a navigation the policy denies, as every other', () => {
    // Electron emits will-navigate for a reload the page starts (location.reload()): denied, so the page asks main.
    for (const url of ['app://attest/index.html', 'app://attest/index.html#x', 'app://attest/other.html', 'https://attest/index.html']) expect(isNavigationAllowed(url), url).toBe(false);
  });

  it('window:reload has main reload the window that asked, once', async () => {
    const { handlers } = setup();
    let reloads = 0;
    expect(await dispatch(handlers, 'window:reload', {}, { reload: () => reloads++ })).toEqual({ ok: true, value: null });
    expect(reloads).toBe(1);
  });

  it('window:reload validates its request, and is refused where there is no window (browser mode)', async () => {
    const { handlers, call } = setup();
    let reloads = 0;
    const refused = await dispatch(handlers, 'window:reload', { url: 'https://example.org/' }, { reload: () => reloads++ });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('window:reload', {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'window:reload: there is no window to reload here; in browser mode the page reloads itself' } });
    expect(reloads).toBe(0);
  });

  it('Electron: main reloads the sender of the request; the renderer reloads itself only in browser mode', () => {
    // Electron cannot run here: its wiring is checked on the source.
    expect(code('app/main/ipc/register.ts')).toContain('dispatch(handlers, channel, payload, { reload: () => event.sender.reload() })');
    const renderer = readdirSync(join(root, 'renderer/src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const reloading = renderer.filter((f) => /location\.reload\(/.test(code(join('renderer/src', f))));
    expect(reloading).toEqual(['bridge/reload-window.ts']);
    expect(code('renderer/src/bridge/reload-window.ts')).toMatch(/if \(api\.runtime === 'browser'\) \{\s*location\.reload\(\);/);
  });
});
