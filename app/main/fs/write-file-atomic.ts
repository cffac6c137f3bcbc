import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` (UTF-8) to `path` atomically: a temporary file beside it, flushed to disk, then
 * renamed over `path`, so a reader sees the old file or the new one, never a part. When either
 * step fails, the temporary file is removed and the file system's error is thrown.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, data, { encoding: 'utf8', flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true, recursive: false }).catch(() => {});
    throw error;
  }
}
