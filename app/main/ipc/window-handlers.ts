import { HandlerError, type HandlerGroup } from './context.js';

/**
 * The window handlers: `window:reload` reloads the page of the window that asked (its `Caller`).
 * Main denies every navigation a page starts, a reload too (Electron's `will-navigate`), so the
 * page asks main. Browser mode has no caller window: the page reloads itself, and the request is
 * refused (`forbidden`).
 */
export function windowHandlers(): HandlerGroup<'window:reload'> {
  return {
    'window:reload': async (_request, caller) => {
      if (!caller) throw new HandlerError('forbidden', 'window:reload: there is no window to reload here; in browser mode the page reloads itself');
      caller.reload();
      return null;
    },
  };
}
