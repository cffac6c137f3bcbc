import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Article, ArticleEncoding, ArticleFormat, ArticleMetadata } from '../../core/article.js';
import { inferDirection } from '../../core/direction.js';
import { importAttestExport } from './attest-json.js';
import { decodeText } from './decode.js';
import { importDocx } from './docx.js';
import { ImportError } from './errors.js';
import { importHtml } from './html.js';
import { importMarkdown } from './markdown.js';
import { readMhtml } from './mhtml.js';
import { importPlainText, type ImportedBody } from './txt.js';

/** The largest file Attest imports, in bytes (50 MiB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** File extensions (lower case, with the dot) and the format each is read as. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'xhtml',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.json': 'attest-json',
};

/** What a format's importer yields: body, metadata and how the bytes were decoded. */
type Imported = ImportedBody & Omit<ArticleMetadata, 'title'> & { encoding: ArticleEncoding | null };

/** What an importer is given besides the bytes. */
interface ImportContext {
  /** The file name, for error messages. */
  name: string;
  /** The title when the file gives none: its name without extension. */
  fallbackTitle: string;
  /** The encoding the analyst chose for this file, or null. */
  encoding: string | null;
}

const NO_METADATA = { byline: null, siteName: null, publishedTime: null, lang: null, dir: null, url: null } as const;

/** One importer per format: bytes to canonical text, blocks, marks and metadata. */
const IMPORTERS: Readonly<Record<Exclude<ArticleFormat, 'attest-json'>, (bytes: Uint8Array, ctx: ImportContext) => Imported | Promise<Imported>>> = {
  txt(bytes, ctx) {
    const { text, encoding } = decodeText(bytes, ctx.name, { kind: 'text', chosen: ctx.encoding });
    return { ...importPlainText(text, ctx.fallbackTitle), ...NO_METADATA, encoding };
  },
  markdown(bytes, ctx) {
    const { text, encoding } = decodeText(bytes, ctx.name, { kind: 'text', chosen: ctx.encoding });
    return { ...NO_METADATA, ...importMarkdown(text, ctx.fallbackTitle), encoding };
  },
  html: importPage,
  xhtml: importPage,
  mhtml(bytes, ctx) {
    const page = readMhtml(bytes, ctx.name);
    const { text, encoding } = decodeText(page.html, ctx.name, { kind: 'html', transportCharset: page.charset, chosen: ctx.encoding });
    return { ...importHtml(text, ctx.fallbackTitle, page.location), encoding };
  },
  async docx(bytes, ctx) {
    return { ...(await importDocx(bytes, ctx.fallbackTitle)), ...NO_METADATA, encoding: null };
  },
};

function importPage(bytes: Uint8Array, ctx: ImportContext): Imported {
  const { text, encoding } = decodeText(bytes, ctx.name, { kind: 'html', chosen: ctx.encoding });
  return { ...importHtml(text, ctx.fallbackTitle), encoding };
}

/** SHA-256 (hex) of a string's UTF-8 encoding, or of bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Whether a file is an article by itself, for folder scans (the library, `attest check`): a format
 * Attest reads, other than its own JSON exports (a folder's other `.json` files are not articles;
 * an export is opened on purpose, with Open…).
 */
export function isArticleFile(path: string): boolean {
  const format = formatOf(path);
  return format !== null && format !== 'attest-json';
}

/** The format a path is read as, or `null` when Attest does not read it. */
export function formatOf(path: string): ArticleFormat | null {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/**
 * Reads the bytes of an article file the analyst chose, after checking that Attest reads its
 * format, that it is a regular file and that it is not empty nor above `MAX_FILE_BYTES`.
 * Throws `ImportError` naming the file and the cause.
 */
export async function readArticleFile(path: string): Promise<{ path: string; format: ArticleFormat; bytes: Uint8Array }> {
  const absolute = resolve(path);
  const name = basename(absolute);
  const format = formatOf(absolute);
  if (!format) throw new ImportError('unsupported', `${name}: Attest does not read ${extname(name) ? `${extname(name)} files` : 'files without an extension'} (it reads ${Object.keys(FORMAT_BY_EXTENSION).join(', ')})`);
  return { path: absolute, format, bytes: await readBoundedFile(absolute) };
}

/**
 * The bytes of the regular file at `path` (absolute), not empty and at most `MAX_FILE_BYTES`.
 * Throws `ImportError` naming the file and the cause.
 */
export async function readBoundedFile(path: string): Promise<Uint8Array> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError('unreadable', `${name}: not a regular file`);
    if (info.size > MAX_FILE_BYTES) throw new ImportError('too-large', `${name}: ${info.size} bytes is more than the ${MAX_FILE_BYTES}-byte limit`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError('unreadable', `${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  if (bytes.length === 0) throw new ImportError('empty', `${name}: the file is empty`);
  return bytes;
}

/**
 * Imports the bytes of an article file read by `readArticleFile` into an `Article` with its
 * canonical text, by the importer of its format; `id` is the SHA-256 of that text.
 * `options.encoding` is a WHATWG encoding label the analyst chose for this file (text formats).
 * Throws `ImportError` naming the file.
 */
export async function importArticle(
  file: { path: string; format: ArticleFormat; bytes: Uint8Array },
  options: { encoding?: string | null } = {},
): Promise<Article> {
  // Attest's own export carries its canonical text; its annotations are placed by the caller.
  if (file.format === 'attest-json') return importAttestExport({ ...file, sha256: sha256(file.bytes) }, sha256).article;
  const name = basename(file.path);
  let imported: Imported;
  try {
    imported = await IMPORTERS[file.format](file.bytes, { name, fallbackTitle: basename(name, extname(name)), encoding: options.encoding ?? null });
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(error.code, error.message.startsWith(`${name}: `) ? error.message : `${name}: ${error.message}`);
    throw error;
  }
  if (imported.text === '') throw new ImportError('empty', `${name}: the file has no text`);
  return {
    id: sha256(imported.text),
    title: imported.title,
    byline: imported.byline,
    siteName: imported.siteName,
    publishedTime: imported.publishedTime,
    lang: imported.lang,
    dir: imported.dir ?? inferDirection(imported.text),
    url: imported.url,
    text: imported.text,
    blocks: imported.blocks,
    marks: imported.marks,
    source: { path: file.path, sha256: sha256(file.bytes), format: file.format },
    encoding: imported.encoding,
  };
}

/** Reads and imports the file at `path`: `readArticleFile` then `importArticle`. */
export async function importFile(path: string, options: { encoding?: string | null } = {}): Promise<Article> {
  return importArticle(await readArticleFile(path), options);
}
