import { extname, isAbsolute, join, normalize, relative } from 'node:path';

/**
 * How the built renderer is served, in Electron (`app://attest`) and in browser mode alike:
 * which files, with which content types, under which Content Security Policy.
 */

/** Content types of the files the built renderer holds; any other file is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The renderer's Content Security Policy: nothing but the app's own scripts, styles and images;
 * no frames, forms, objects or base URL changes. `connect` is `'none'` in Electron (IPC goes
 * through the preload) and `'self'` in browser mode (the HTTP bridge to the local server).
 */
export function contentSecurityPolicy(connect: "'none'" | "'self'"): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The file of `rendererDir` that a URL path names (`/` is `index.html`) and its content type;
 * null for a path that leaves the folder or a type the renderer does not have.
 */
export function rendererFile(rendererDir: string, pathname: string): { path: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  const path = normalize(join(rendererDir, decoded));
  const rel = relative(rendererDir, path);
  const type = CONTENT_TYPES[extname(path)];
  return rel.startsWith('..') || isAbsolute(rel) || !type ? null : { path, type };
}
