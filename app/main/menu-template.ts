import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/ipc-messages.js';

/**
 * The application menu as an Electron menu template (`Menu.buildFromTemplate` takes it), a pure
 * function so plain Node tests read it: File, Edit, View; on macOS (`isMac`) the app menu first
 * and Close instead of Quit. `send(command)` gives the click handler of a command the renderer
 * runs. The Edit menu holds the text roles (cut, copy, paste, select all): on macOS their
 * shortcuts reach a text field only through the menu.
 */
export function menuTemplate(send: (command: MenuCommand) => () => void, isMac: boolean): MenuItemConstructorOptions[] {
  return [
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
        // Not the undo/redo roles: those would undo nothing in the read-only reader. The renderer
        // undoes typing in a focused text field, annotation changes elsewhere.
        { id: 'undo', label: '&Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { id: 'redo', label: '&Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        ...(isMac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Shift+Z', visible: false, click: send('redo') }]),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
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
}
