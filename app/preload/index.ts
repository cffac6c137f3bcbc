import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AttestApi } from '../core/ipc.js';
import { MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../core/menu-commands.js';

/**
 * The preload: the only user of `ipcRenderer`. It exposes one narrow object, `window.attest`
 * (`AttestApi`): `invoke` for the channels of the IPC contract (main validates every request),
 * menu commands from main, and the path of a dropped file. Never raw `ipcRenderer`.
 */
const api: AttestApi = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  onMenuCommand(listener) {
    const wrapped = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
  },
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
  nativeMenu: true,
};

contextBridge.exposeInMainWorld('attest', api);
