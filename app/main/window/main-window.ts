import { BrowserWindow, dialog } from 'electron';
import { RendererRecovery } from './renderer-recovery.js';
import { APP_ORIGIN } from './security.js';

/** How long the window waits for its page's first paint before it is shown anyway: ms. */
const SHOW_AFTER_MS = 5000;

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
  win.once('ready-to-show', () => showWindow(win));
  // Shown too when the page fails to load or has not painted in time: a window never shown would
  // keep the app running, holding its locks, with nothing to close.
  win.webContents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => {
    if (isMainFrame) showWindow(win);
  });
  const timer = setTimeout(() => showWindow(win), SHOW_AFTER_MS);
  win.once('closed', () => clearTimeout(timer));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Shows `win` (restored if minimised) and focuses it; nothing when it is gone. */
export function showWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

/**
 * Watches the renderer of `win` (`RendererRecovery`): when its process ends other than cleanly,
 * `flush` writes what main holds, the window is shown and the page reloaded, with a message box
 * saying why; when the page stops responding, a message box asks whether to wait or reload.
 */
export function watchRenderer(win: BrowserWindow, flush: () => void): void {
  const contents = win.webContents;
  const recovery = new RendererRecovery({
    flush,
    reload: () => contents.reload(),
    tell: (message) => void dialog.showMessageBox(win, { ...message, title: 'Attest', buttons: ['OK'] }),
    askReload: async (message) => (await dialog.showMessageBox(win, { ...message, title: 'Attest', buttons: ['Wait', 'Reload'], defaultId: 0, cancelId: 0 })).response === 1,
    kill: () => contents.forcefullyCrashRenderer(),
  });
  contents.on('render-process-gone', (_event, details) => {
    if (win.isDestroyed()) return;
    showWindow(win);
    recovery.gone(details);
  });
  win.on('unresponsive', () => void recovery.unresponsive());
}
