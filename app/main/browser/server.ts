import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DROPPED_FILE_CHANNEL } from '../../core/ipc-messages.js';
import { dispatch } from '../ipc/dispatch.js';
import type { Dialogs } from '../ipc/context.js';
import { createHandlers } from '../ipc/handlers.js';
import { acquireDataDirLock } from '../store/data-dir-lock.js';
import { ArticleRepository } from '../library/article-repository.js';
import { Library } from '../library/library.js';
import { openArticle } from '../ipc/article-handlers.js';
import { contentSecurityPolicy, rendererFile } from '../renderer-assets.js';
import { confStoreFactory } from '../store/conf-store.js';
import { closeDataDir } from '../shutdown.js';

const BROWSER_CSP = contentSecurityPolicy("'self'");

const MAX_BODY_BYTES = 1024 * 1024;

/** A running browser-mode server. `url` carries the token in its fragment. */
export interface BrowserServer {
  url: string;
  repository: ArticleRepository;
  library: Library;
  /**
   * Resolves once no IPC request is being answered and none came for `quietMs` (ms), or after
   * `maxMs`: for a page that went away, whose last requests (sent with `keepalive`) are still on
   * their way, as the server outlives a closed tab.
   */
  quiet(quietMs: number, maxMs?: number): Promise<void>;
  /** Stops watching the library, stops the server, writes pending changes and releases the data directory (`closeDataDir`); never throws. */
  close(): Promise<void>;
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Serves the built renderer (`rendererDir`) and the real main-process IPC handlers over HTTP on
 * 127.0.0.1 (random port unless `port`), on `dataDir` with `conf` stores: browser mode, for a
 * machine without the Electron binary, and the Chromium e2e run. Only `GET` of renderer files
 * and `POST /ipc/<channel>` (but the dropped-file channel) are answered; IPC needs the per-run token (header
 * `X-Attest-Token`), this server's Origin and Host, and a JSON body of at most 1 MiB.
 */
export async function startBrowserServer(options: {
  dataDir: string;
  rendererDir: string;
  dialogs: Dialogs;
  initialPath: string | null;
  generator: { name: string; version: string };
  port?: number;
}): Promise<BrowserServer> {
  const token = randomBytes(24).toString('hex');
  // One writer per data directory: refused (DataDirLockedError) while the app or another server holds it.
  const lock = await acquireDataDirLock(options.dataDir, 'browser');
  let repository: ArticleRepository;
  try {
    repository = new ArticleRepository(options.dataDir, confStoreFactory);
  } catch (error) {
    lock.release();
    throw error;
  }
  const library = new Library({ dataDir: options.dataDir, openStore: repository.openStore, repository, open: (path) => openArticle(repository, path) });
  // Remembered roots are scanned in the background; the page hears of each file as it is listed.
  void library.start();
  const handlers = createHandlers({ repository, library, dialogs: options.dialogs, initialPath: options.initialPath, generator: options.generator });
  let origin = '';
  // IPC requests being answered, and when the last one came or was answered (ms since the epoch): see `quiet`.
  let answering = 0;
  let lastRequest = 0;

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': BROWSER_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Misdirected request');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      return send(res, 400, 'text/plain', 'Bad request');
    }
    if (req.method === 'POST' && pathname.startsWith('/ipc/')) {
      lastRequest = Date.now();
      if (req.headers.origin !== origin || !sameToken(req.headers['x-attest-token'], token)) return send(res, 403, 'text/plain', 'Forbidden');
      let payload: unknown;
      let channel: string;
      try {
        channel = decodeURIComponent(pathname.slice('/ipc/'.length));
        payload = await readBody(req);
      } catch (error) {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-request', message: (error as Error).message } }));
      }
      // A browser never gives a dropped file's path: no page may ask to read one.
      if (channel === DROPPED_FILE_CHANNEL) return send(res, 403, 'text/plain', 'Forbidden');
      answering++;
      try {
        const result = await dispatch(handlers, channel, payload);
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      } finally {
        answering--;
        lastRequest = Date.now();
      }
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    const file = rendererFile(options.rendererDir, pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    try {
      return send(res, 200, file.type, await readFile(file.path));
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
  };
  // No request, however malformed, may take the server (and unsaved changes) down.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/#token=${token}`,
    repository,
    library,
    async quiet(quietMs, maxMs = 5000) {
      const until = Date.now() + maxMs;
      while (Date.now() < until && (answering > 0 || Date.now() - lastRequest < quietMs)) await new Promise((done) => setTimeout(done, 20));
    },
    async close() {
      await closeDataDir({
        library,
        repository,
        lock,
        async stopRequests() {
          server.closeAllConnections();
          await new Promise<void>((done) => server.close(() => done()));
          // A request whose connection went may still be answering: its change is written by the flush after.
          while (answering > 0) await new Promise((done) => setTimeout(done, 10));
        },
      });
    },
  };
}
