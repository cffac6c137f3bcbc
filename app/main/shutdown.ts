import type { ArticleRepository } from './library/article-repository.js';
import type { Library } from './library/library.js';
import type { DataDirLock } from './store/data-dir-lock.js';

/** Where main writes what it cannot tell a page (at quit): stderr by default. */
export type Log = (line: string) => void;

const stderrLog: Log = (line) => console.error(line);

/**
 * `repository.flush()` for callers outside a request (a window closing, quitting): never throws.
 * A record that cannot be written stays dirty, its changes in its journal (replayed at the next
 * start), and is told once in `repository.notices`; the failure is written to `log`.
 */
export function flushOutsideRequest(repository: Pick<ArticleRepository, 'flush'>, log: Log = stderrLog): void {
  try {
    repository.flush();
  } catch (error) {
    log(`Attest: ${(error as Error).message}`);
  }
}

/**
 * Ends main's use of the data directory, in this order, so that nothing writes to it once another
 * process may hold it: stops the library and waits for its file work under way (`Library.close`:
 * an import writing the index or a record), stops answering requests (`stopRequests`, when given:
 * the browser-mode server), writes every pending record (`flushOutsideRequest`) and schedules no
 * more writes (`ArticleRepository.stop`), then releases the data directory's lock. Never throws: a step that fails is logged and the next still runs;
 * the lock is released whatever happened (changes not written stay in their journals).
 */
export async function closeDataDir(parts: {
  library: Pick<Library, 'close'>;
  repository: Pick<ArticleRepository, 'flush' | 'stop'>;
  lock: Pick<DataDirLock, 'release'>;
  stopRequests?: () => Promise<void>;
  log?: Log;
}): Promise<void> {
  const log = parts.log ?? stderrLog;
  const step = async (what: string, run: () => unknown) => {
    try {
      await run();
    } catch (error) {
      log(`Attest: ${what} failed at quit: ${(error as Error).message}`);
    }
  };
  await step('stopping the library', () => parts.library.close());
  if (parts.stopRequests) await step('stopping requests', parts.stopRequests);
  flushOutsideRequest(parts.repository, log);
  // A record that could not be written is not tried again after the lock goes: its journal has it.
  parts.repository.stop();
  await step('releasing the data directory', () => parts.lock.release());
}

/**
 * A `before-quit` listener (Electron's `app` event) that holds the quit until `shutDown` has run
 * once: the first quit is prevented (`event.preventDefault()`), `shutDown` runs, then `quit()` is
 * called again and, `shutDown` done, goes through. A quit asked for meanwhile is prevented and
 * waits for the same run; `shutDown` runs once however often quitting is asked, and a `shutDown`
 * that rejects still ends in `quit()`.
 */
export function quitAfter(shutDown: () => Promise<void>, quit: () => void): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'idle' | 'done' = 'idle';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'running') return;
    state = 'running';
    void shutDown()
      .catch((error: Error) => console.error(`Attest: quitting: ${error.message}`))
      .then(() => {
        state = 'done';
        quit();
      });
  };
}

/** What `closeWindow` needs of a window: Electron's `BrowserWindow`. */
export interface ClosableWindow {
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
  close(): void;
}

/**
 * Closes `win` (null or destroyed: nothing to do) and resolves once it is gone (its `closed`
 * event: the page's last requests, sent as it unloads, come before it) or after `timeoutMs`, for a
 * page that keeps it open.
 */
export function closeWindow(win: ClosableWindow | null, timeoutMs = 5000): Promise<void> {
  if (!win || win.isDestroyed()) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, timeoutMs);
    win.once('closed', () => {
      clearTimeout(timer);
      done();
    });
    win.close();
  });
}
