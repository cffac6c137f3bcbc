import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, rendererFile } from '../renderer-assets.js';
import { APP_HOST, APP_SCHEME } from './security.js';

const CSP = contentSecurityPolicy("'none'");

/** Registers the app scheme as standard and secure; call before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer (`rendererDir`) on `app://attest/`, with the CSP on every response; anything else is 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? rendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file.path), {
        headers: { 'Content-Type': file.type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
