import { join } from 'node:path';
import { afterAll, beforeAll, describe as suite, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../app/main/browser/server.js';
import { tempRoot } from '../support/temp.js';

// The browser-mode server exposes the real handlers: it must answer only its own page.
let server: BrowserServer;
let origin: string;
let token: string;
const temp = tempRoot('server');
const rendererDir = temp.dir('renderer');

beforeAll(async () => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><p>renderer</p>');
  writeFileSync(join(rendererDir, 'secret.txt'), 'not served');
  server = await startBrowserServer({
    dataDir: temp.dir('data'),
    rendererDir,
    dialogs: { chooseArticle: async () => null, chooseExportPath: async () => null, chooseFolder: async () => null },
    initialPath: join(import.meta.dirname, '../fixtures/officials.txt'),
    generator: { name: 'Attest', version: 'test' },
  });
  const url = new URL(server.url);
  origin = url.origin;
  token = new URLSearchParams(url.hash.slice(1)).get('token')!;
});
afterAll(() => server.close());

const ipc = (headers: Record<string, string>, body = '{}') =>
  fetch(`${origin}/ipc/session:initial`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

suite('browser-mode server', () => {
  it('listens on 127.0.0.1 only, with a random port and a long token', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers IPC with the token and its own Origin', async () => {
    const response = await ipc({ 'X-Attest-Token': token, Origin: origin });
    const result = await response.json();
    expect(result.ok).toBe(true);
    expect(result.value.article.text).toBe('Officials denied it.');
  });

  it('refuses IPC without the token, with a wrong token, or from another origin', async () => {
    expect((await ipc({ Origin: origin })).status).toBe(403);
    expect((await ipc({ 'X-Attest-Token': 'f'.repeat(48), Origin: origin })).status).toBe(403);
    expect((await ipc({ 'X-Attest-Token': token, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('never opens a path the page names: the dropped-file channel is closed in browser mode', async () => {
    const response = await fetch(`${origin}/ipc/article:open-dropped`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Attest-Token': token, Origin: origin },
      body: JSON.stringify({ path: join(import.meta.dirname, '../fixtures/officials.txt') }),
    });
    expect(response.status).toBe(403);
  });

  it('serves renderer files with the CSP, and nothing else', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect((await fetch(`${origin}/secret.txt`)).status).toBe(404);
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'PUT' })).status).toBe(405);
  });

  it('survives malformed requests: a bad request target, a bad escape in the channel, bad JSON', async () => {
    const { connect } = await import('node:net');
    const port = Number(new URL(origin).port);
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let data = '';
        socket.on('data', (chunk) => (data += chunk));
        socket.on('close', () => resolve(data));
        socket.on('error', () => resolve(data));
      });
    expect(await raw(`GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/^HTTP\/1.1 400/);
    const badEscape = await fetch(`${origin}/ipc/%E0%A4%A`, { method: 'POST', headers: { 'X-Attest-Token': token, Origin: origin }, body: '{}' });
    expect(badEscape.status).toBe(400);
    const badJson = await fetch(`${origin}/ipc/session:initial`, { method: 'POST', headers: { 'X-Attest-Token': token, Origin: origin }, body: '{' });
    expect(badJson.status).toBe(400);
    // Still serving.
    expect((await ipc({ 'X-Attest-Token': token, Origin: origin })).status).toBe(200);
  });

  it('refuses a request for another Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${origin}/`, { headers: { Host: 'attacker.example' } }, (res) => resolve(res.statusCode!));
      req.end();
    });
    expect(status).toBe(421);
  });
});
