import type { AttestApi } from '../../../app/core/ipc.js';
import { pollLibraryRevision } from './library-poll.js';

/**
 * `AttestApi` for browser mode (`npm run start:browser` and the Chromium e2e run): the same IPC
 * contract over HTTP to the main-process handlers served on 127.0.0.1, authenticated by the
 * per-run token the server put in the page's URL fragment. There is no native menu, and a
 * browser never tells a dropped file's path.
 */
export function createHttpBridge(token: string): AttestApi {
  const bridge: AttestApi = {
    async invoke(channel, request) {
      try {
        const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Attest-Token': token },
          body: JSON.stringify(request),
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
