import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './security.js';

/**
 * Creates the one main window: sandboxed, context-isolated renderer without Node, loaded from
 * the app's own protocol, with the preload at `preloadPath` (CommonJS, as sandboxing requires).
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Attest',
    show: false,
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: Attest's own sandboxed preload exposing one narrow API (app/preload/index.ts)
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A middle click never opens a link in a new window (window.open is denied as well).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
