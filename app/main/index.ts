import { app, BrowserWindow, dialog, Menu } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAppArgs } from './cli-args.js';
import { FORMAT_BY_EXTENSION } from './importers/index.js';
import type { Dialogs } from './ipc/context.js';
import { createHandlers } from './ipc/handlers.js';
import { registerIpc } from './ipc/register.js';
import { DROPPED_FILE_CHANNEL, LIBRARY_CHANNEL, OPENED_CHANNEL } from '../core/ipc-messages.js';
import { openArticle } from './ipc/article-handlers.js';
import { dispatch } from './ipc/dispatch.js';
import { ArticleRepository } from './library/article-repository.js';
import { Library } from './library/library.js';
import { buildMenu } from './menu.js';
import { closeDataDir, closeWindow, flushOutsideRequest, quitAfter } from './shutdown.js';
import { fileFromSecondInstance } from './second-instance.js';
import { acquireDataDirLock, type DataDirLock } from './store/data-dir-lock.js';
import { electronStoreFactory } from './store/electron-store.js';
import { LaunchFile } from './launch-file.js';
import { createMainWindow, showWindow, watchRenderer } from './window/main-window.js';
import { registerAppScheme, serveRenderer } from './window/protocol.js';
import { hardenSessions } from './window/security.js';

// The Electron main process: lifecycle, one window, the menu, and the IPC handlers.
const here = dirname(fileURLToPath(import.meta.url));
const args = parseAppArgs(process.argv.slice(app.isPackaged ? 1 : 2));
const dataDirOverride = args.dataDir ?? process.env.ATTEST_DATA_DIR;
if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride));

// A second launch on the same data hands its file to the first (see 'second-instance') and stops
// at once, before it could race the first for the data directory.
if (!app.requestSingleInstanceLock()) app.exit(0);
registerAppScheme();

// macOS: a file opened from Finder (or dropped on the Dock icon) comes as 'open-file', at launch
// before 'ready': kept as the article to show at start, later opened as a second launch's file is.
const launchFile = new LaunchFile();
app.on('will-finish-launching', () => {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    launchFile.request(path);
  });
});

let mainWindow: BrowserWindow | null = null;

const dialogs: Dialogs = {
  async chooseArticle() {
    const result = await dialog.showOpenDialog(mainWindow!, {
      title: 'Open article',
      properties: ['openFile'],
      filters: [{ name: 'Articles', extensions: Object.keys(FORMAT_BY_EXTENSION).map((e) => e.slice(1)) }],
    });
    return result.canceled ? null : result.filePaths[0] ?? null;
  },
  async chooseExportPath(defaultName) {
    const result = await dialog.showSaveDialog(mainWindow!, {
      title: 'Export annotations',
      defaultPath: defaultName,
    });
    return result.canceled ? null : result.filePath ?? null;
  },
  async chooseFolder() {
    const result = await dialog.showOpenDialog(mainWindow!, { title: 'Add a library folder', properties: ['openDirectory'] });
    return result.canceled ? null : result.filePaths[0] ?? null;
  },
  async chooseImportFile() {
    const result = await dialog.showOpenDialog(mainWindow!, {
      title: 'Import annotations',
      properties: ['openFile'],
      filters: [{ name: 'Attest JSON or W3C Web Annotation', extensions: ['json', 'jsonld'] }],
    });
    return result.canceled ? null : result.filePaths[0] ?? null;
  },
};

void app.whenReady().then(async () => {
  hardenSessions();
  serveRenderer(join(here, '../renderer'));
  let repository: ArticleRepository;
  let library: Library;
  let dataLock: DataDirLock;
  try {
    // One writer: the command line and browser mode refuse to write while the app holds the data directory.
    dataLock = await acquireDataDirLock(app.getPath('userData'), 'app');
  } catch (error) {
    dialog.showErrorBox('Attest cannot use its data folder', (error as Error).message);
    app.quit();
    return;
  }
  try {
    repository = new ArticleRepository(app.getPath('userData'), electronStoreFactory);
    library = new Library({ dataDir: app.getPath('userData'), openStore: repository.openStore, repository, open: (path) => openArticle(repository, path) });
  } catch (error) {
    // Never reset damaged data to get going: say what is wrong and leave the files as they are.
    dialog.showErrorBox('Attest cannot read its data', `${(error as Error).message}\n\nThe file was left as it is.`);
    dataLock.release();
    app.quit();
    return;
  }
  library.onChange((revision) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(LIBRARY_CHANNEL, revision);
  });
  void library.start();
  const sample = join(app.getAppPath(), 'resources', 'sample-article.txt');
  const handlers = createHandlers({
    repository,
    library,
    dialogs,
    initialPath: launchFile.take() ?? (args.articlePath ? resolve(args.articlePath) : args.noSample ? null : sample),
    generator: { name: 'Attest', version: app.getVersion() },
  });
  registerIpc(handlers);
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'));
  watchRenderer(mainWindow, () => flushOutsideRequest(repository));
  // Outside a request: a record that cannot be written is logged and told as a notice, never thrown (its journal keeps it).
  mainWindow.on('close', () => flushOutsideRequest(repository));
  // The page's last changes (a note sent on beforeunload) come after 'close': written once the page is gone.
  mainWindow.on('closed', () => flushOutsideRequest(repository));
  // Quitting waits for the window to go, the library's work under way and the last writes; the lock goes last.
  app.on('before-quit', quitAfter(async () => {
    await closeWindow(mainWindow);
    await closeDataDir({ library, repository, lock: dataLock });
  }, () => app.quit()));
  // A file from outside (a second launch, macOS 'open-file'): opened as a dropped file is, through
  // the choke point (same validation and error codes), and it becomes a recent file.
  launchFile.openWith((path) => {
    showWindow(mainWindow);
    void dispatch(handlers, DROPPED_FILE_CHANNEL, { path }).then((result) => {
      if (!mainWindow || mainWindow.isDestroyed()) return;
      const contents = mainWindow.webContents;
      // A page still loading (a file asked for just after launch) hears it once loaded.
      if (contents.isLoading()) contents.once('did-finish-load', () => contents.send(OPENED_CHANNEL, result));
      else contents.send(OPENED_CHANNEL, result);
    });
  });
  // A second launch hands its file to this one (single-instance lock) and quits; the window is shown even when it names none.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow(mainWindow);
    const path = fileFromSecondInstance(argv, workingDirectory);
    if (path) launchFile.request(path);
  });
});

app.on('window-all-closed', () => app.quit());
