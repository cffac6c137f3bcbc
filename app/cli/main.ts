import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../main/data-dir.js';
import { FORMAT_BY_EXTENSION, formatOf, importFile, isArticleFile } from '../main/importers/index.js';
import { jsonArticle } from './json-article.js';

/**
 * The `attest` command line, in plain Node (no Electron):
 *   attest parse FILE            the imported Article as JSON on stdout
 *   attest check DIR             opens every article file in DIR (recursively) and each Attest
 *                                article export (.json); reports each failure and each .json passed over
 *   attest serve [FILE] [--data DIR] [--no-open] [--port N]
 *                                browser mode: the app on 127.0.0.1, opened in Chromium
 *   attest export [--data DIR] [--format json|w3c|csv|brat] [--out PATH] [FILE ...]
 *                                stored annotations out (no FILE: the whole library, each file once); see interchange.ts
 *   attest import FILE [--data DIR] [--article ARTICLE_FILE]
 *                                Attest JSON or W3C Web Annotation into the store
 *   attest --help, -h            the usage on stdout
 * Exit status: 0 on success, 1 when `check` found failures or `export` left out a damaged record
 * that had no good copy, 2 with one line on stderr for bad arguments or a file that cannot be opened.
 */
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const VERSION = '0.1.0';

function fail(message: string): never {
  process.stderr.write(`attest: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

async function parse(args: string[]): Promise<void> {
  if (args.length !== 1) fail('usage: attest parse FILE');
  if (existsSync(args[0]) && statSync(args[0]).isDirectory()) fail(`${args[0]}: a folder, not a file (attest check DIR opens every article file in a folder)`);
  try {
    const article = await importFile(args[0]);
    const { title, byline, siteName, publishedTime, lang, dir, url, source, encoding, id, text, blocks, marks } = article;
    process.stdout.write(`${JSON.stringify({ id, title, byline, siteName, publishedTime, lang, dir, url, source, encoding, text, blocks, marks }, null, 2)}\n`);
  } catch (error) {
    fail(`${(error as Error).message}`);
  }
}

/** The files under `dir` (recursively) Attest reads, sorted: article files and `.json` files (maybe Attest exports, `jsonArticle` says). */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && (isArticleFile(e.name) || formatOf(e.name) === 'attest-json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function check(args: string[]): Promise<void> {
  if (args.length !== 1) fail('usage: attest check DIR');
  let files: string[];
  try {
    files = await listFiles(resolve(args[0]));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`${args[0]}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (error as Error).message}`);
  }
  if (files.length === 0) process.stdout.write(`no article files (${Object.keys(FORMAT_BY_EXTENSION).join(', ')}) under ${args[0]}\n`);
  let failures = 0;
  let skipped = 0;
  for (const file of files) {
    const started = performance.now();
    // A .json file is opened when it is an Attest article export (as Open opens it); any other is named, with why it is passed over.
    const notArticle = formatOf(file) === 'attest-json' ? await jsonArticle(file) : null;
    if (notArticle) {
      skipped++;
      process.stdout.write(`skip  ${file}  ${notArticle}\n`);
      continue;
    }
    try {
      const article = await importFile(file);
      const ms = (performance.now() - started).toFixed(0);
      process.stdout.write(`ok    ${file}  ${ms} ms  ${article.text.length} chars  "${article.title}"\n`);
    } catch (error) {
      failures++;
      process.stdout.write(`FAIL  ${file}  ${(error as Error).message}\n`);
    }
  }
  process.stdout.write(`${files.length - failures - skipped} opened, ${failures} failed, ${skipped} skipped (not article files), of ${files.length} files\n`);
  if (failures > 0) process.exitCode = 1;
}

async function serve(args: string[]): Promise<void> {
  // Loaded here so that `parse` and `check` start without the server's modules.
  const { startBrowserServer } = await import('../main/browser/server.js');
  const { openChromiumApp, terminalDialogs } = await import('./chromium.js');
  let dataDir = defaultDataDir();
  let file: string | null = null;
  let open = true;
  let port = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--data') dataDir = resolve(args[++i] ?? fail('--data needs a directory'));
    else if (arg === '--no-open') open = false;
    else if (arg === '--port') {
      port = Number(args[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port needs a port number from 0 to 65535, not ${args[i] ?? 'nothing'}`);
    } else if (!arg.startsWith('-') && !file) file = resolve(arg);
    else fail(`unknown argument ${arg}`);
  }
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) fail(`--data ${dataDir}: not a directory`);
  let server: Awaited<ReturnType<typeof startBrowserServer>>;
  try {
    server = await startBrowserServer({
      dataDir,
      rendererDir: join(root, 'out', 'renderer'),
      dialogs: terminalDialogs(),
      initialPath: file ?? join(root, 'resources', 'sample-article.txt'),
      generator: { name: 'Attest', version: VERSION },
      port,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${port} is in use` : `cannot start: ${(error as Error).message}`);
  }
  process.stdout.write(`Attest (browser mode) at ${server.url}\ndata: ${dataDir}\nCtrl+C to quit.\n`);
  const browser = open ? openChromiumApp(server.url) : null;
  const stop = async () => {
    browser?.kill();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser?.on('exit', stop);
}

const USAGE = `usage: attest COMMAND ...
  attest parse FILE            the imported article as JSON on stdout
  attest check DIR             opens every article file under DIR (and each Attest article export, .json); lists each failure
  attest serve [FILE] [--data DIR] [--port N] [--no-open]
                               browser mode: the app on 127.0.0.1, opened in Chromium
  attest export [--data DIR] [--format json|w3c|csv|brat] [--out PATH] [FILE ...]
                               stored annotations out (no FILE: the whole library)
  attest import FILE [--data DIR] [--article ARTICLE_FILE]
                               Attest JSON or W3C Web Annotation into the store
  attest --help                this text
Exit status: 0 on success, 1 when check found failures or export left out a damaged record, 2 for bad arguments or a file that cannot be opened.
`;

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
const commands: Record<string, (args: string[]) => Promise<void>> = {
  parse,
  check,
  serve,
  // Loaded when asked for, as `serve`'s modules are, so that `parse` and `check` start without the store and exporters.
  export: async (args) => (await import('./interchange.js')).exportCommand(args, { generator: { name: 'Attest', version: VERSION } }, fail),
  import: async (args) => (await import('./interchange.js')).importCommand(args, fail),
};
if (!command || !commands[command]) fail(`${command ? `unknown command ${command}; ` : ''}usage: attest COMMAND, one of ${Object.keys(commands).join(', ')} (attest --help for more)`);
await commands[command](rest);
