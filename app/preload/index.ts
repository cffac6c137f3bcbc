import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AttestApi, IpcResult, OpenedArticle } from '../core/ipc.js';
import { DROPPED_FILE_CHANNEL, LIBRARY_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, OPENED_CHANNEL, type MenuCommand } from '../core/ipc-messages.js';

/**
 * The preload: the only user of `ipcRenderer`. It exposes one narrow object, `window.attest`
 * (`AttestApi`): `invoke` for the channels of the IPC contract (main validates every request),
 * menu commands and library changes from main, and articles opened from dropped files. Never
 * raw `ipcRenderer`.
 *
 * Dropped files are handled here, in the isolated world: only a trusted `drop` event yields a
 * path (`webUtils.getPathForFile`), and the page cannot call the channel that opens a path.
 */
const droppedListeners = new Set<(result: IpcResult<OpenedArticle>) => void>();

window.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files[0];
  if (!event.isTrusted || !file) return;
  const path = webUtils.getPathForFile(file);
  const opened: Promise<IpcResult<OpenedArticle>> = path
    ? ipcRenderer.invoke(DROPPED_FILE_CHANNEL, { path })
    : Promise.resolve({ ok: false, error: { code: 'unreadable', message: `${file.name}: the dropped item is not a file on this computer` } });
  void opened.then((result) => droppedListeners.forEach((listener) => listener(result)));
});

// An article main opened itself (a file a second launch named) is shown like a dropped one.
ipcRenderer.on(OPENED_CHANNEL, (_event, result: IpcResult<OpenedArticle>) => droppedListeners.forEach((listener) => listener(result)));

const api: AttestApi = {
  invoke: (channel, request) =>
    channel === DROPPED_FILE_CHANNEL
      ? Promise.resolve({ ok: false, error: { code: 'forbidden', message: `${channel} is not open to the page` } })
      : ipcRenderer.invoke(channel, request),
  onMenuCommand(listener) {
    const wrapped = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
  },
  onDroppedArticle(listener) {
    droppedListeners.add(listener);
    return () => droppedListeners.delete(listener);
  },
  onLibraryChanged(listener) {
    // The revision main sends is not passed on: the page asks `library:list` for what changed.
    const wrapped = () => listener();
    ipcRenderer.on(LIBRARY_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(LIBRARY_CHANNEL, wrapped);
  },
  runtime: 'electron',
};

contextBridge.exposeInMainWorld('attest', api);
