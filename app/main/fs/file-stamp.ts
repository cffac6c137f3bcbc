import { statSync } from 'node:fs';

/** What changes when the file at `path` is replaced or rewritten (inode, modification time, size), or 'none'. */
export function fileStamp(path: string): string {
  try {
    const { ino, mtimeMs, size } = statSync(path);
    return `${ino}:${mtimeMs}:${size}`;
  } catch {
    return 'none';
  }
}

/** The size of the file at `path` in bytes; 0 when it cannot be read (a record's next checkpoint then writes it). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
