import { Menu, type BrowserWindow } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../core/ipc-messages.js';
import { menuTemplate } from './menu-template.js';

/** Builds the application menu (`menuTemplate`); its commands go to the renderer of `getWindow()`. */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  return Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin'));
}
