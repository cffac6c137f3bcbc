import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` (UTF-8) to `path` atomically: a temporary file beside it, flushed to disk, then
 * renamed over `path`, so a reader sees the old file or the new one, never a part.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, data, { encoding: 'utf8', flush: true });
  await rename(temp, path);
}
