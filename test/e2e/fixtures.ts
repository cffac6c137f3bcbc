import { test as base, expect, _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumFlags } from '../../app/cli/chromium.js';
import { startBrowserServer, type BrowserServer } from '../../app/main/browser/server.js';
import type { Dialogs } from '../../app/main/ipc/context.js';
import { chooseRuntime, ROOT, type Runtime } from './runtime.js';

/** What the next native dialogs answer: `open` the chosen files, `save` the chosen path, `folder` the chosen folder. */
export interface DialogAnswers {
  open?: string[];
  save?: string;
  folder?: string;
}

/** A running Attest, the same to the specs whichever runtime drives it. */
export interface AttestApp {
  /** The main window. */
  page: Page;
  /** This test's own data directory, where the stores are written. */
  dataDir: string;
  runtime: Runtime['kind'];
  /** Opens a file the way File > Open does (the dialog answered with `path`), and waits for it. */
  openArticle(path: string): Promise<void>;
  answerDialogs(answers: DialogAnswers): Promise<void>;
  /** Quits (flushing the store as on a real quit) and relaunches on the same data directory. */
  restart(): Promise<void>;
}

interface Driver {
  page: Page;
  answerDialogs(answers: DialogAnswers): Promise<void>;
  triggerOpen(): Promise<void>;
  close(): Promise<void>;
}

/** Real Electron through Playwright's `_electron`, with main's dialogs replaced in main itself. */
async function launchElectron(executable: string, dataDir: string): Promise<Driver> {
  const args = [ROOT, `--data-dir=${dataDir}`, '--no-sample'];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app: ElectronApplication = await _electron.launch({ executablePath: executable, args, cwd: ROOT });
  const page = await app.firstWindow();
  await page.locator('.app').waitFor();
  return {
    page,
    answerDialogs: (answers) =>
      app.evaluate(({ dialog }, a) => {
        if (a.open) dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: a.open! })) as typeof dialog.showOpenDialog;
        if (a.save) dialog.showSaveDialog = (async () => ({ canceled: false, filePath: a.save! })) as typeof dialog.showSaveDialog;
        if (a.folder) dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [a.folder!] })) as typeof dialog.showOpenDialog;
      }, answers),
    triggerOpen: () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('open')?.click()),
    close: () => app.close(),
  };
}

/** The built renderer in Chromium, served from 127.0.0.1 with the real main-process handlers. */
async function launchChromium(browser: Browser, dataDir: string): Promise<Driver> {
  const queued: DialogAnswers[] = [];
  const dialogs: Dialogs = {
    async chooseArticle() {
      const i = queued.findIndex((a) => a.open);
      if (i < 0) throw new Error('the test opened a file dialog without answering it (answerDialogs)');
      return queued.splice(i, 1)[0].open![0] ?? null;
    },
    async chooseExportPath() {
      const i = queued.findIndex((a) => a.save);
      if (i < 0) throw new Error('the test opened a save dialog without answering it (answerDialogs)');
      return queued.splice(i, 1)[0].save!;
    },
    async chooseImportFile() {
      const i = queued.findIndex((a) => a.open);
      if (i < 0) throw new Error('the test opened an import dialog without answering it (answerDialogs)');
      return queued.splice(i, 1)[0].open![0] ?? null;
    },
    async chooseFolder() {
      const i = queued.findIndex((a) => a.folder);
      if (i < 0) throw new Error('the test opened a folder dialog without answering it (answerDialogs)');
      return queued.splice(i, 1)[0].folder!;
    },
  };
  const server: BrowserServer = await startBrowserServer({
    dataDir,
    rendererDir: join(ROOT, 'out', 'renderer'),
    dialogs,
    initialPath: null,
    generator: { name: 'Attest', version: 'e2e' },
  });
  const origin = new URL(server.url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // As in Electron's session: nothing but the app's own origin is ever requested.
  await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.app').waitFor();
  return {
    page,
    answerDialogs: async (answers) => {
      if (answers.open) queued.push({ open: answers.open });
      if (answers.save) queued.push({ save: answers.save });
      if (answers.folder) queued.push({ folder: answers.folder });
    },
    triggerOpen: () => page.keyboard.press('Control+o'),
    close: async () => {
      // As a window closes: the page's pagehide runs while main (the server) still answers, and
      // main answers what the page sent as it went before it quits.
      await page.close();
      await server.quiet(250);
      await context.close();
      await server.close();
    },
  };
}

/** `test` with an `app` fixture: Attest on real Electron when there is a binary, else on Chromium. */
export const test = base.extend<{ app: AttestApp }, { runtime: Runtime; browser_: Browser | null }>({
  runtime: [async ({}, use) => use(chooseRuntime()), { scope: 'worker' }],
  browser_: [
    async ({ runtime }, use) => {
      if (runtime.kind !== 'chromium') return use(null);
      const browser = await chromium.launch({ executablePath: runtime.executable, args: chromiumFlags() });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ runtime, browser_ }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-e2e-'));
    const launch = () => (runtime.kind === 'electron' ? launchElectron(runtime.executable, dataDir) : launchChromium(browser_!, dataDir));
    let driver = await launch();
    const app: AttestApp = {
      get page() {
        return driver.page;
      },
      dataDir,
      runtime: runtime.kind,
      answerDialogs: (answers) => driver.answerDialogs(answers),
      async openArticle(path) {
        const absolute = resolve(path);
        await driver.answerDialogs({ open: [absolute] });
        // After a reload the shortcut only works once the app is mounted.
        await driver.page.locator('.app').waitFor();
        await driver.triggerOpen();
        await expect(driver.page.locator(`.reader[data-source-path="${CSS_escape(absolute)}"]`)).toBeVisible();
      },
      async restart() {
        await driver.close();
        driver = await launch();
      },
    };
    await use(app);
    await driver.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

function CSS_escape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

export { expect };
