import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

/** Content types of the files the built renderer holds. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Registers the app scheme as standard and secure; call before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The file of `rendererDir` that `url` names, or null when it is another host or leaves the folder. */
export function rendererFile(rendererDir: string, url: string): string | null {
  const parsed = new URL(url);
  if (parsed.host !== APP_HOST) return null;
  const path = normalize(join(rendererDir, decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname)));
  const rel = relative(rendererDir, path);
  return rel.startsWith('..') || isAbsolute(rel) ? null : path;
}

/** Serves the built renderer (`rendererDir`) on `app://attest/`, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = rendererFile(rendererDir, request.url);
    const type = path ? CONTENT_TYPES[extname(path)] : undefined;
    if (!path || !type) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
