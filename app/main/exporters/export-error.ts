import { basename, dirname } from 'node:path';

/**
 * An export that could not be written where the analyst chose, with the reason in words for the
 * analyst (`message` names the chosen path, never a temporary file); `cause` is the file system's
 * own error. Main answers it with the IPC error code `unwritable`.
 */
export class ExportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExportError';
  }
}

/**
 * The `ExportError` for a failed write of `path` (a file, or for brat the folder `path`): the
 * common causes (a folder where a file goes, a missing folder, a file where the brat folder goes,
 * no permission, a full or read-only disk) in words, else the system's message for `path`.
 */
export function exportError(path: string, error: unknown, kind: 'file' | 'folder' = 'file'): ExportError {
  const code = (error as NodeJS.ErrnoException).code;
  const where = dirname(path);
  const reasons: Record<string, string> = {
    EISDIR: `${path} is a folder: choose a file name`,
    ENOENT: `the folder ${where} does not exist`,
    ENOTDIR: kind === 'folder' ? `${path} is a file: a brat export is a folder, choose a new name` : `${where} is not a folder`,
    EEXIST: `${path} is a file: a brat export is a folder, choose a new name`,
    EACCES: `Attest may not write in ${where}`,
    EPERM: `Attest may not write in ${where}`,
    EROFS: `${where} is on a read-only disk`,
    ENOSPC: `the disk holding ${where} is full`,
  };
  const reason = (code && reasons[code]) ?? `${basename(path)} could not be written (${(error as Error).message})`;
  return new ExportError(`The export was not written: ${reason}.`, { cause: error });
}
