import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ExportMeta } from '../core/formats/annotated-json.js';
import { importSummary } from '../core/formats/interchange.js';
import { defaultDataDir } from '../main/data-dir.js';
import { EXPORT_FORMATS, exportLabels, exportText, writeExport, type ExportFormat } from '../main/exporters/export-records.js';
import { sha256 } from '../main/importers/index.js';
import { importAnnotations, type ImportReport } from '../main/interchange/import-annotations.js';
import { libraryRecords } from '../main/interchange/stored-records.js';
import { openArticle } from '../main/ipc/article-handlers.js';
import { ArticleRepository, type ArticleRecord } from '../main/library/article-repository.js';
import { confStoreFactory } from '../main/store/conf-store.js';
import { isDamageNotice } from '../main/library/unsaved-records.js';
import { acquireDataDirLock, DataDirLockedError, withDataDirLock } from '../main/store/data-dir-lock.js';

/** Fails the command: one line on stderr, exit status 2. */
export type Fail = (message: string) => never;

/** The data directory of `--data DIR` (default: the desktop app's), checked to be a folder when it exists. */
function dataDirOf(value: string | undefined, fail: Fail): string {
  const dir = value === undefined ? defaultDataDir() : resolve(value);
  if (existsSync(dir) && !statSync(dir).isDirectory()) fail(`--data ${dir}: not a directory`);
  return dir;
}

/** The stored record for FILE: the article last opened from that path, else from a file with the same bytes, else an article id. */
async function recordFor(repository: ArticleRepository, file: string, fail: Fail): Promise<ArticleRecord> {
  const path = resolve(file);
  let id = repository.articleIdForPath(path);
  if (!id && existsSync(path) && statSync(path).isFile()) id = repository.articleIdForFile(sha256(await readFile(path)));
  if (!id && /^[0-9a-f]{64}$/.test(file)) id = file;
  const record = id ? repository.get(id) : null;
  return record ?? fail(`${file}: not in the library of ${repository.dataDir} (open it in Attest first)`);
}

/**
 * `attest export [--data DIR] [--format json|w3c|csv|brat] [--out PATH] [FILE ...]`: the stored
 * articles named by FILE (paths they were opened from, or article ids), or with no FILE each
 * file's current record in DIR (`libraryRecords`: an earlier text of a changed file only by id),
 * in one export. Without `--out` the export goes to stdout (brat needs `--out`, a
 * folder). Reads the store only; while another Attest holds the data directory (the app open),
 * reads it without changing any file (`ArticleRepository.readOnly`) and says so on stderr. A
 * damaged record is named on stderr; when it had no good copy to restore, the export is written
 * without it and the exit status is 1.
 */
export async function exportCommand(args: string[], meta: Omit<ExportMeta, 'exported'>, fail: Fail): Promise<void> {
  let data: string | undefined;
  let format: ExportFormat = 'json';
  let out: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--data') data = args[++i] ?? fail('--data needs a directory');
    else if (arg === '--format') {
      const value = args[++i];
      if (!EXPORT_FORMATS.includes(value as ExportFormat)) fail(`--format needs one of ${EXPORT_FORMATS.join(', ')}, not ${value ?? 'nothing'}`);
      format = value as ExportFormat;
    } else if (arg === '--out') out = resolve(args[++i] ?? fail('--out needs a path'));
    else if (arg.startsWith('-')) fail(`unknown argument ${arg}`);
    else files.push(arg);
  }
  if (format === 'brat' && !out) fail('--format brat writes a folder: give it with --out DIR');
  const dataDir = dataDirOf(data, fail);
  if (!existsSync(join(dataDir, 'index.json'))) fail(`--data ${dataDir}: no Attest data there (no index.json)`);
  try {
    // Reading can recover a damaged store file (moved aside, last good copy restored): a write,
    // so it takes the data directory's lock like every other write. While another Attest holds
    // the lock, the store is read without changing a file, as of that holder's last confirmed change.
    const lock = await acquireDataDirLock(dataDir, 'cli').catch((error: unknown) => {
      if (!(error instanceof DataDirLockedError)) throw error;
      process.stderr.write(`attest: another Attest has the data directory open (${error.holder.role}, pid ${error.holder.pid}); exporting every change it has confirmed, without changing any file\n`);
      return null;
    });
    try {
      const repository = lock ? new ArticleRepository(dataDir, confStoreFactory) : ArticleRepository.readOnly(dataDir);
      const records = files.length > 0 ? await Promise.all(files.map((f) => recordFor(repository, f, fail))) : libraryRecords(repository);
      const full = { ...meta, exported: new Date().toISOString(), labels: exportLabels(repository) };
      if (out) {
        const written = await writeExport(records, format, full, out);
        process.stderr.write(`exported ${records.length} article${records.length === 1 ? '' : 's'} to ${format === 'brat' ? `${out} (${written.length} files)` : out}\n`);
      } else {
        process.stdout.write(exportText(records, format as Exclude<ExportFormat, 'brat'>, full));
      }
      const damaged = repository.notices.filter(isDamageNotice);
      for (const n of damaged) {
        process.stderr.write(`attest: ${n.path} was damaged (${n.reason}); kept as ${n.movedTo}; ${n.restoredFrom ? `its last good copy was restored from ${n.restoredFrom}` : 'no good copy was found, so the export leaves it out'}\n`);
      }
      // A pipeline must not take an export that lacks a record for a whole one: what could be read is written, and the status says it is not all.
      const lost = damaged.filter((n) => !n.restoredFrom).length;
      if (lost > 0) {
        process.stderr.write(`attest: the export is incomplete: ${lost} damaged record${lost === 1 ? '' : 's'} left out (exit status 1)\n`);
        process.exitCode = 1;
      }
    } finally {
      lock?.release();
    }
  } catch (error) {
    fail((error as Error).message);
  }
}

/** The report as lines for a terminal. */
export function reportLines(report: ImportReport): string[] {
  const lines = [importSummary(report)];
  for (const o of report.orphaned) lines.push(`orphan   ${o.id}: ${o.reason}`);
  for (const s of report.skipped) lines.push(`skipped  ${s.id}: ${s.reason}`);
  for (const l of report.droppedLinks) lines.push(`link     ${l.id} -> ${l.target} dropped: ${l.reason}`);
  for (const l of report.reversedLinks) lines.push(`link     ${l.id} -> ${l.target} read the other way round: ${l.reason}`);
  for (const c of report.changed) lines.push(`changed  ${c.id}: ${c.reason}`);
  return lines;
}

/**
 * `attest import FILE [--data DIR] [--article ARTICLE_FILE]`: imports an Attest JSON or W3C Web
 * Annotation file into DIR's store (see `importAnnotations`). `--article` opens that article file
 * into the store first and takes it as the article for W3C annotations whose target names no
 * stored article. Prints the report; writes the store through `ArticleRepository`, holding the
 * data directory's lock (refused while the app has it open). A FILE or ARTICLE_FILE that is not
 * there fails before the data directory is touched (or created).
 */
export async function importCommand(args: string[], fail: Fail): Promise<void> {
  let data: string | undefined;
  let article: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--data') data = args[++i] ?? fail('--data needs a directory');
    else if (arg === '--article') article = args[++i] ?? fail('--article needs an article file');
    else if (arg.startsWith('-')) fail(`unknown argument ${arg}`);
    else if (!file) file = arg;
    else fail(`one FILE at a time (${file}, then ${arg})`);
  }
  if (!file) fail('usage: attest import FILE [--data DIR] [--article ARTICLE_FILE]');
  // Checked before the data directory is made: a mistyped name leaves nothing behind.
  for (const [path, what] of [[file, ''], [article, '--article ']] as const) {
    if (path !== null && !existsSync(path)) fail(`${what}${basename(path)}: no such file`);
    if (path !== null && !statSync(path).isFile()) fail(`${what}${basename(path)}: not a regular file`);
  }
  const dataDir = dataDirOf(data, fail);
  try {
    // One writer per data directory: refused while the app (or another write) holds it.
    const report = await withDataDirLock(dataDir, 'cli', async () => {
      const repository = new ArticleRepository(dataDir, confStoreFactory);
      const articleId = article ? (await openArticle(repository, resolve(article))).article.id : null;
      const result = await importAnnotations(repository, file, { articleId });
      repository.flush();
      return result;
    });
    process.stdout.write(`${reportLines(report).join('\n')}\n`);
  } catch (error) {
    fail((error as Error).message);
  }
}
