import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../core/ipc-messages.js';

/** Builds the application menu; its commands go to the renderer of `getWindow()`. */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { id: 'open', label: '&Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
        { id: 'export', label: '&Export annotated JSON…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Not the undo/redo roles: those would undo nothing in the read-only reader. These undo annotation changes.
        { id: 'undo', label: '&Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { id: 'redo', label: '&Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        ...(isMac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Shift+Z', visible: false, click: send('redo') }]),
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
        { id: 'find', label: '&Find in Article…', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { type: 'separator' },
        { label: 'Tag as &Claim', click: send('tag-claim') },
        { label: 'Tag as &Quote', click: send('tag-quote') },
        { label: 'Tag as &Source', click: send('tag-source') },
        { label: '&Delete annotation', click: send('delete') },
        { type: 'separator' },
        { label: '&Labels…', click: send('labels') },
      ],
    },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
  ];
  return Menu.buildFromTemplate(template);
}
