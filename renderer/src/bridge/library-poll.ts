import type { AttestApi } from '../../../app/core/ipc.js';

/** How often browser mode asks main for the library's revision, in milliseconds. */
const LIBRARY_POLL_MS = 500;

/**
 * Library change notifications for browser mode, whose HTTP bridge has no push from main:
 * while anyone listens, asks `library:revision` every `LIBRARY_POLL_MS` (a few bytes each) and
 * tells the listeners when the revision differs from the last one seen (the first answer
 * always counts, so a change between a listener's own `library:list` and the poll's start is
 * never missed). Polling stops after the last unsubscribe. Chosen over a Server-Sent Events
 * stream to keep the server to its one token-checked `POST` route.
 */
export function pollLibraryRevision(api: Pick<AttestApi, 'invoke'>, intervalMs = LIBRARY_POLL_MS): { subscribe(listener: () => void): () => void } {
  const listeners = new Set<() => void>();
  let running = false;
  const loop = async () => {
    running = true;
    let last: number | null = null;
    while (listeners.size > 0) {
      const result = await api.invoke('library:revision', {});
      if (result.ok && result.value.revision !== last) {
        last = result.value.revision;
        for (const listener of [...listeners]) listener();
      }
      await new Promise((wake) => setTimeout(wake, intervalMs));
    }
    running = false;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!running) void loop();
      return () => void listeners.delete(listener);
    },
  };
}
