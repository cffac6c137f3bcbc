import type { HandlerDeps, HandlerGroup } from './context.js';

/**
 * The library: listing it, adding a root through the native folder dialog, forgetting one, and
 * opening a listed or recent file. The renderer never names a folder, and names only files
 * main listed to it: `library:open` refuses any other path (`forbidden`). A `LibraryError`
 * becomes its code in `dispatch`.
 */
export function libraryHandlers({ library, dialogs }: HandlerDeps): HandlerGroup<'library:list' | 'library:revision' | 'library:add-root' | 'library:remove-root' | 'library:open'> {
  return {
    'library:list': async () => library.list(),
    'library:revision': async () => ({ revision: library.revision }),
    'library:add-root': async () => {
      const folder = await dialogs.chooseFolder();
      if (!folder) return null;
      await library.addRoot(folder);
      return library.list();
    },
    'library:remove-root': async ({ path }) => {
      await library.removeRoot(path);
      return library.list();
    },
    'library:open': async ({ path }) => library.openFile(path),
  };
}
