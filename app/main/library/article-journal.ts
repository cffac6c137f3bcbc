import { close, closeSync, existsSync, fdatasync, fstatSync, ftruncateSync, mkdirSync, open, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import { AnnotationSchema, OrphanAnnotationSchema } from '../../core/schemas.js';

/** One annotation or orphan set to its new value (`after`), or removed (`after` null), by id. */
export interface JournalChange {
  id: string;
  after: Annotation | OrphanAnnotation | null;
}

// An orphan is tried first: AnnotationSchema would take one and drop its `reason`.
const JournalLineSchema = z.object({
  changes: z.array(z.object({ id: z.string().min(1), after: z.union([OrphanAnnotationSchema, AnnotationSchema]).nullable() }).refine((c) => c.after === null || c.after.id === c.id, 'after.id differs from id')),
});

/** What an article's journal holds: its lines in order, and the first line that could not be read (1-based), if any but a torn last one. */
export interface JournalContent {
  lines: JournalChange[][];
  damaged: { line: number; reason: string } | null;
}

/**
 * The article journals of a data directory: `articles/<article id>.journal`, one JSON line per
 * change of the article's annotations since its record file was last written
 * (`{"changes":[{"id":…,"after":<annotation or orphan>|null},…]}`, in the order they were made).
 * `append` writes a line (one `write`, done when it returns: in the kernel's cache, so a change
 * main has answered survives the process being killed). It is not `fdatasync`'d there, which
 * costs 2–8 ms a change; `syncInBackground` asks for that off the main thread (libuv's pool), so a
 * power cut or an OS crash can take only the changes since its last call. The record's next write
 * then `retire`s the journal: it is kept as the previous one until the write after, so that a record
 * found damaged and restored from its `.bak` gets back the changes since that copy too. A crash while appending can only cut the last line short: `read`
 * ignores a last line that does not parse (it was never confirmed) and reports any other as damage.
 */
export class ArticleJournals {
  constructor(private readonly dir: string) {}

  /** The journal file of `articleId` (absolute). */
  pathOf(articleId: string): string {
    return join(this.dir, `${articleId}.journal`);
  }

  /**
   * Appends `changes` as one line, written when it returns; returns the journal's size after it,
   * in bytes. Throws the file system's error (a full disk), the journal then cut back to its lines before.
   */
  append(articleId: string, changes: readonly JournalChange[]): number {
    const bytes = Buffer.from(`${JSON.stringify({ changes })}\n`);
    // Opened for each line, not kept open: a change to every article (a label removed) would hold a descriptor for each until the records are written.
    const fd = this.openForAppend(this.pathOf(articleId));
    try {
      const size = fstatSync(fd).size;
      try {
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      } catch (error) {
        // A line written in part would be read as damage once another follows it.
        ftruncateSync(fd, size);
        throw error;
      }
      return size + bytes.length;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Has the journal of `articleId` flushed to the disk (`fdatasync`) on libuv's thread pool: the
   * main thread only asks. A journal removed meanwhile (its record written) needs nothing; any
   * other failure goes to `onError` (the lines stay in the kernel's cache and the file: nothing is lost
   * unless the machine stops before they reach the disk).
   */
  syncInBackground(articleId: string, onError: (error: Error) => void): void {
    // Opened for writing: Windows flushes only a handle with write access.
    open(this.pathOf(articleId), 'r+', (opening, fd) => {
      if (opening) {
        if (opening.code !== 'ENOENT') onError(opening);
        return;
      }
      fdatasync(fd, (syncing) => {
        close(fd, () => undefined);
        if (syncing) onError(syncing);
      });
    });
  }

  /**
   * The journal the record's last write took in (`<journal>.prev`): the changes between the
   * record's last good copy (`<record>.bak`, which the write made of the record before it) and the record.
   */
  previousPathOf(articleId: string): string {
    return `${this.pathOf(articleId)}.prev`;
  }

  /**
   * After the record of `articleId` was written with its journal's changes: the journal becomes
   * the previous one (`previousPathOf`), replacing it; with no journal, the previous one is
   * removed (the record then differs from its `.bak` by no journalled change).
   */
  retire(articleId: string): void {
    try {
      renameSync(this.pathOf(articleId), this.previousPathOf(articleId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      try {
        unlinkSync(this.previousPathOf(articleId));
      } catch (removing) {
        if ((removing as NodeJS.ErrnoException).code !== 'ENOENT') throw removing;
      }
    }
  }

  /**
   * After the record of `articleId` was restored from its `.bak`: puts the previous journal's
   * whole lines (those since that copy) before the journal's own, so that replaying the journal
   * brings the record back to its last confirmed state. Nothing when there is no previous journal.
   */
  reinstatePrevious(articleId: string): void {
    let previous: string;
    try {
      previous = readFileSync(this.previousPathOf(articleId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    // A last line a crash cut short was never confirmed; before the journal's lines it would read as damage.
    const whole = previous.slice(0, previous.lastIndexOf('\n') + 1);
    const current = existsSync(this.pathOf(articleId)) ? readFileSync(this.pathOf(articleId), 'utf8') : '';
    const temp = `${this.pathOf(articleId)}.tmp`;
    writeFileSync(temp, whole + current);
    renameSync(temp, this.pathOf(articleId));
  }

  /** The journal of `articleId` read and validated line by line, or null when there is none. */
  read(articleId: string): JournalContent | null {
    const path = this.pathOf(articleId);
    if (!existsSync(path)) return null;
    const texts = readFileSync(path, 'utf8').split('\n');
    // The text after the last newline: empty, or a line a crash cut short.
    const tail = texts.pop()!;
    const lines: JournalChange[][] = [];
    for (const [i, text] of texts.entries()) {
      const problem = problemOf(text);
      if (typeof problem === 'string') {
        // Only the last line can be torn by a crash (each line is written whole before the next).
        if (i === texts.length - 1 && tail === '') return { lines, damaged: null };
        return { lines, damaged: { line: i + 1, reason: problem } };
      }
      lines.push(problem);
    }
    return { lines, damaged: null };
  }

  /** Moves the journal of `articleId` aside as `<journal>.damaged-<stamp>` (never deleted); returns where. */
  moveAside(articleId: string, stamp: string): string {
    const movedTo = `${this.pathOf(articleId)}.damaged-${stamp}`;
    renameSync(this.pathOf(articleId), movedTo);
    return movedTo;
  }

  private openForAppend(path: string): number {
    try {
      return openSync(path, 'a');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The record's store makes the folder when it first writes; a journal may come first (a store that writes later).
      mkdirSync(this.dir, { recursive: true });
      return openSync(path, 'a');
    }
  }
}

/** A line's changes, or why it cannot be read. */
function problemOf(text: string): JournalChange[] | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  const parsed = JournalLineSchema.safeParse(raw);
  return parsed.success ? parsed.data.changes : `not a journal line (${parsed.error.issues[0]?.message})`;
}

/**
 * Applies journal lines in order to `annotations` and `orphans` (a record's): each change sets the
 * record of its id (in place when the id is there, else added at the end; one with a `reason`
 * is an orphan) or removes it. Setting values, not adding to them, so replaying lines the record
 * already holds (written before the journal was cleared) changes nothing.
 */
export function replayJournal(
  record: { annotations: Annotation[]; orphans: OrphanAnnotation[] },
  lines: readonly (readonly JournalChange[])[],
): { annotations: Annotation[]; orphans: OrphanAnnotation[] } {
  const byId = new Map<string, Annotation | OrphanAnnotation>([...record.annotations, ...record.orphans].map((a) => [a.id, a]));
  for (const changes of lines) {
    for (const { id, after } of changes) {
      if (after === null) byId.delete(id);
      else byId.set(id, after);
    }
  }
  const all = [...byId.values()];
  return { annotations: all.filter((a): a is Annotation => !('reason' in a)), orphans: all.filter((a): a is OrphanAnnotation => 'reason' in a) };
}
