import { readdir } from 'node:fs/promises';
import { basename, isAbsolute, join, relative } from 'node:path';
import { isArticleFile } from '../importers/index.js';

/**
 * True when `path` is inside the folder `root` (not `root` itself); both absolute. Compares
 * path segments (`path.relative`), so `/a/bc` is not inside `/a/b`.
 */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * True for what the library never lists under `root`: hidden files and folders (a name that
 * starts with a dot, such as `.git` or an editor's temporary file) and regular files of a format
 * that is not an article by itself (`isArticleFile`). Folders are never left out for their extension.
 */
export function isIgnored(root: string, path: string, isFile: boolean): boolean {
  if (path === root) return false;
  if (isInside(root, path) && relative(root, path).split(/[\\/]/).some((part) => part.startsWith('.'))) return true;
  return isFile && !isArticleFile(basename(path));
}

/**
 * Lists every article file under the folder `root` (absolute), recursively: regular files whose
 * format Attest reads as an article (`isArticleFile`, so formats added to the importers count at once), without
 * hidden files or folders, and without following symbolic links (a link could lead out of the
 * root). Absolute paths, sorted. A sub-folder that cannot be read is skipped; `root` itself
 * unreadable throws the `fs` error.
 */
export async function scanFolder(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, isRoot: boolean): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isRoot) throw error;
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !isIgnored(root, path, false)) await walk(path, false);
      else if (entry.isFile() && !isIgnored(root, path, true)) found.push(path);
    }
  };
  await walk(root, true);
  return found.sort();
}
