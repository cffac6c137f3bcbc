/**
 * Menu commands: the only messages main sends to the renderer. Kept apart from the zod contract
 * (`ipc.ts`) so the sandboxed preload, which can load no npm module, imports nothing else.
 */

/** Commands of the application menu. */
export const MENU_COMMANDS = ['open', 'export', 'tag-claim', 'tag-quote', 'tag-source', 'delete'] as const;
/** A menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The IPC channel that carries menu commands from main to the renderer. */
export const MENU_CHANNEL = 'menu:command';
