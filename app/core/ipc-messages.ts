/**
 * IPC names the sandboxed preload needs. Kept apart from the zod contract (`ipc.ts`) because the
 * preload can load no npm module.
 */

/** Commands of the application menu. */
export const MENU_COMMANDS = ['open', 'export', 'tag-claim', 'tag-quote', 'tag-source', 'delete', 'undo', 'redo', 'labels', 'find'] as const;
/** A menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC channel that carries menu commands from main to the renderer. */
export const MENU_CHANNEL = 'menu:command';

/**
 * The channel that opens a dropped file by its path. Only the preload calls it, from a trusted
 * `drop` event with the path `webUtils.getPathForFile` gives: the page itself can never ask
 * main to read a path, so the renderer reads only files the analyst chose.
 */
export const DROPPED_FILE_CHANNEL = 'article:open-dropped';

/** The IPC channel on which main tells the renderer that the library changed (payload: its revision). */
export const LIBRARY_CHANNEL = 'library:changed';

/**
 * The channel on which main hands the renderer an article it opened itself (a file a second
 * launch of the app named): the result of opening it, shown like a dropped file's.
 */
export const OPENED_CHANNEL = 'article:opened';
