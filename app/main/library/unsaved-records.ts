import type { StoreNotice } from '../store/safe-store.js';

/**
 * An article record main could not write (a full disk, a file in the way): its changes are kept
 * in its journal (`journal`, replayed at the next start) and the write is tried again at the next
 * checkpoint or flush.
 */
export interface UnsavedNotice {
  kind: 'unsaved';
  /** The record file that could not be written (absolute path). */
  path: string;
  /** Why: the error of the write. */
  reason: string;
  /** The journal that holds the record's changes meanwhile (absolute path). */
  journal: string;
}

/** What main tells the analyst about the data directory: a damaged file recovered, or a record not yet written. */
export type RepositoryNotice = StoreNotice | UnsavedNotice;

/** Whether `notice` is about a damaged store file (moved aside, its last good copy restored when there was one). */
export function isDamageNotice(notice: RepositoryNotice): notice is StoreNotice {
  return !('kind' in notice);
}

/**
 * The records whose last write failed, so that each failure is told once (`UnsavedNotice` to
 * `onNotice`) until the record is written again; a record that fails again after that is told again.
 */
export class UnsavedRecords {
  private readonly failing = new Set<string>();

  constructor(private readonly onNotice: (notice: UnsavedNotice) => void) {}

  /** Notes that writing the record of `articleId` to `path` failed with `error`; tells it unless told already. */
  failed(articleId: string, path: string, journal: string, error: unknown): void {
    if (this.failing.has(articleId)) return;
    this.failing.add(articleId);
    const reason = error instanceof Error ? error.message : String(error);
    // Also in the log: a notice given while no page listens (at quit) is seen nowhere else.
    console.error(`Attest: ${path} was not written (${reason}); its changes are kept in ${journal} and it is tried again`);
    this.onNotice({ kind: 'unsaved', path, reason, journal });
  }

  /** Notes that the record of `articleId` was written. */
  written(articleId: string): void {
    this.failing.delete(articleId);
  }

  /** Whether the last write of the record of `articleId` failed. */
  has(articleId: string): boolean {
    return this.failing.has(articleId);
  }
}
