import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { describe as suite, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../app/main/renderer-assets.js';
import { isAppUrl, isNavigationAllowed, isPermissionGranted, isRequestAllowed } from '../../app/main/window/policy.js';

// Electron's security checklist (docs: "Security", 20 items). Electron itself cannot run here:
// the policy is tested as functions, its wiring into Electron by static checks on the source
// (SECURITY.md says which item is checked how).
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const appSources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
const allSources = [...appSources('app'), ...appSources('renderer/src')];
/** The source without comments, so a doc comment naming an API does not count as using it. */
const code = (path: string) => read(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

suite('Electron security checklist', () => {
  it('1, 18: only the app\'s own custom protocol is loaded; every other request is cancelled (URL parsed)', () => {
    expect(isRequestAllowed('app://attest/index.html')).toBe(true);
    for (const url of ['http://127.0.0.1:8080/x', 'https://attest/', 'file:///etc/passwd', 'app://attest.evil.org/', 'app://evil/', 'app://user@attest/', 'data:text/html,x', 'javascript:alert(1)', 'devtools-evil://x', 'not a url'])
      expect(isRequestAllowed(url), url).toBe(false);
    expect(code('app/main/window/security.ts')).toMatch(/onBeforeRequest\([^]*callback\(\{ cancel: !isRequestAllowed\(details\.url\) \}\)/);
    expect(code('app/main/window/main-window.ts')).toContain('loadURL(`${APP_ORIGIN}/index.html`)');
    for (const file of allSources) expect(code(file), file).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('2, 3, 4, 6, 8, 9, 10: secure webPreferences on the one window', () => {
    const source = code('app/main/window/main-window.ts');
    for (const setting of ['sandbox: true', 'contextIsolation: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false', 'nodeIntegrationInSubFrames: false', 'webSecurity: true', 'allowRunningInsecureContent: false', 'experimentalFeatures: false', 'webviewTag: false'])
      expect(source).toContain(setting);
    for (const file of allSources) expect(code(file), file).not.toMatch(/enableBlinkFeatures|nodeIntegration: true|contextIsolation: false|sandbox: false|webSecurity: false/);
  });

  it('5: every permission request and check is denied', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(isPermissionGranted(permission)).toBe(false);
    const source = code('app/main/window/security.ts');
    expect(source).toContain('setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)))');
    expect(source).toContain('setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission))');
  });

  it('7: a strict Content Security Policy on every renderer response', () => {
    for (const connect of ["'none'", "'self'"] as const) {
      const csp = contentSecurityPolicy(connect);
      expect(csp.split('; ')[0]).toBe("default-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|blob:/);
      for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    }
    expect(contentSecurityPolicy("'none'")).toContain("connect-src 'none'");
    expect(code('app/main/window/protocol.ts')).toContain('Content-Security-Policy');
    // The built page has no inline script, which the policy would refuse anyway.
    const built = join(root, 'out', 'renderer', 'index.html');
    if (existsSync(built)) expect(readFileSync(built, 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('11, 12: no webview at all (webviewTag off, attaching one denied), so no allowpopups', () => {
    expect(code('app/main/window/security.ts')).toMatch(/will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    for (const file of allSources) expect(code(file), file).not.toMatch(/allowpopups|<webview/i);
  });

  it('13, 14: navigation, redirects and new windows are denied', () => {
    for (const url of ['app://attest/index.html', 'https://example.org/', 'javascript:alert(1)']) expect(isNavigationAllowed(url)).toBe(false);
    const source = code('app/main/window/security.ts');
    expect(source).toMatch(/will-navigate', \(event\) => \{\s*if \(!isNavigationAllowed\(event\.url\)\) event\.preventDefault\(\)/);
    expect(source).toMatch(/will-redirect', \(event\) => \{\s*if \(!isNavigationAllowed\(event\.url\)\) event\.preventDefault\(\)/);
    expect(source).toContain("setWindowOpenHandler(({ url }) => ({ action: isNavigationAllowed(url) ? 'allow' : 'deny' }))");
  });

  it('15: shell.openExternal is never called (links in the reader are inert text)', () => {
    for (const file of allSources) expect(code(file), file).not.toMatch(/openExternal|shell\./);
    expect(read('renderer/src/editor/schema.ts')).toContain("toDOM: (mark) => ['span', { class: 'link', title: String(mark.attrs.href) }, 0]");
  });

  it('16: a current Electron major', () => {
    const version = JSON.parse(read('node_modules/electron/package.json')).version as string;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('17: IPC is answered only for the app\'s own frame, checked with a URL parser', () => {
    expect(isAppUrl('app://attest/index.html')).toBe(true);
    for (const url of ['', 'app://attest.evil/', 'app://evil/app://attest/', 'http://attest/', 'app://user:pw@attest/', 'about:blank']) expect(isAppUrl(url), url).toBe(false);
    expect(code('app/main/ipc/register.ts')).toMatch(/if \(!isAppUrl\(url\)\) return \{ ok: false, error: \{ code: 'forbidden'/);
  });

  it('19: fuses set in electron-builder.yml', () => {
    const config = yaml.load(read('electron-builder.yml')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('20: the preload exposes one narrow object, never raw ipcRenderer or Electron APIs', () => {
    const source = code('app/preload/index.ts');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("contextBridge.exposeInMainWorld('attest', api);");
    const api = source.slice(source.indexOf('const api: AttestApi = {'), source.indexOf('contextBridge.exposeInMainWorld'));
    expect(api).not.toMatch(/:\s*ipcRenderer\s*[,}\n]|\bipcRenderer,|send:|process\.|require\(/);
  });
});
