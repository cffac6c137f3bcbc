import type { AttestApi } from '../../../app/core/ipc.js';
import { pollLibraryRevision } from './library-poll.js';

/** The longest request body sent with `keepalive` (characters; each at most 3 UTF-8 bytes, under the 64 KiB a browser takes). */
const KEEPALIVE_LIMIT = 20_000;

/**
 * `AttestApi` for browser mode (`npm run start:browser` and the Chromium e2e run): the same IPC
 * contract over HTTP to the main-process handlers served on 127.0.0.1, authenticated by the
 * per-run token the server put in the page's URL fragment. There is no native menu, and a
 * browser never tells a dropped file's path.
 */
export function createHttpBridge(token: string): AttestApi {
  // Once the page is going away, requests are sent with `keepalive` so they outlive it (a note
  // typed just before closing). Listened to first, so the page's own listeners send with it.
  let leaving = false;
  const leave = () => (leaving = true);
  window.addEventListener('beforeunload', leave);
  window.addEventListener('pagehide', leave);
  const bridge: AttestApi = {
    async invoke(channel, request) {
      try {
        const body = JSON.stringify(request);
        const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Attest-Token': token },
          body,
          // Chromium refuses a keepalive body over 64 KiB: a longer one goes as usual.
          keepalive: leaving && body.length < KEEPALIVE_LIMIT,
        });
        return await response.json();
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `Attest's local server did not answer: ${(error as Error).message}` } };
      }
    },
    onMenuCommand: () => () => {},
    onDroppedArticle: () => () => {},
    onLibraryChanged: (listener) => libraryPoll.subscribe(listener),
    runtime: 'browser',
  };
  // The HTTP bridge has no push from main: library changes are polled (see `pollLibraryRevision`).
  const libraryPoll = pollLibraryRevision(bridge);
  return bridge;
}
