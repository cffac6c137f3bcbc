import { LibraryError } from '../library/library.js';
import { HandlerError, type HandlerDeps, type HandlerGroup } from './context.js';

/** Runs `task`, turning a `LibraryError` into the `HandlerError` with its code. */
async function asHandlerError<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof LibraryError) throw new HandlerError(error.code, error.message);
    throw error;
  }
}

/**
 * The library: listing it, adding a root through the native folder dialog, forgetting one, and
 * opening a listed or recent file. The renderer never names a folder, and names only files
 * main listed to it: `library:open` refuses any other path (`forbidden`).
 */
export function libraryHandlers({ library, dialogs }: HandlerDeps): HandlerGroup<'library:list' | 'library:revision' | 'library:add-root' | 'library:remove-root' | 'library:open'> {
  return {
    'library:list': async () => library.list(),
    'library:revision': async () => ({ revision: library.revision }),
    'library:add-root': async () => {
      const folder = await dialogs.chooseFolder();
      if (!folder) return null;
      await asHandlerError(() => library.addRoot(folder));
      return library.list();
    },
    'library:remove-root': async ({ path }) => {
      await asHandlerError(() => library.removeRoot(path));
      return library.list();
    },
    'library:open': async ({ path }) => asHandlerError(() => library.openFile(path)),
  };
}
