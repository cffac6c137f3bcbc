/**
 * Undo and redo of annotation changes. ProseMirror's history records only document steps, and
 * the reader's doc never changes, so annotation operations keep a history of their own: each
 * entry is the list of records it changed, before and after, and undoing applies the befores.
 */

/** One record changed by an operation: created (`before` null), deleted (`after` null) or updated. */
export interface Change<T extends { id: string }> {
  before: T | null;
  after: T | null;
}

/**
 * One undoable operation: what it is called (e.g. "Tag as Claim"), the records it changed, and
 * the id of the record it is about (`subject`: the one tagged, changed or deleted, when the others
 * changed along with it), for showing that record after an undo or redo.
 */
export interface HistoryEntry<T extends { id: string }> {
  label: string;
  changes: Change<T>[];
  subject?: string;
}

/**
 * Applies `changes` in order to `records` (matched by id) and returns the new list; `records` is
 * not modified. Throws `Error` when a change does not fit (creating an id that exists, or
 * updating/deleting one that does not), so a history never silently diverges from its records.
 */
export function applyChanges<T extends { id: string }>(records: readonly T[], changes: readonly Change<T>[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r] as const));
  for (const { before, after } of changes) {
    const id = (before ?? after)?.id;
    if (id === undefined) throw new Error('a change with neither a before nor an after');
    if (before === null && byId.has(id)) throw new Error(`cannot create ${id}: it exists`);
    if (before !== null && !byId.has(id)) throw new Error(`cannot change ${id}: it does not exist`);
    if (after === null) byId.delete(id);
    else byId.set(id, after);
  }
  return [...byId.values()];
}

/** The entry that undoes `entry`: its changes reversed, each with before and after swapped. */
export function invert<T extends { id: string }>(entry: HistoryEntry<T>): HistoryEntry<T> {
  return { ...entry, changes: [...entry.changes].reverse().map(({ before, after }) => ({ before: after, after: before })) };
}

/**
 * A bounded undo/redo stack of entries. `record` pushes a done operation and clears redo;
 * `undo` and `redo` return the entry to apply (already inverted for undo), or null when there is
 * nothing to undo or redo. Holds at most `limit` entries (oldest dropped).
 */
export class History<T extends { id: string }> {
  private done: HistoryEntry<T>[] = [];
  private undone: HistoryEntry<T>[] = [];

  constructor(private readonly limit = 500) {}

  record(entry: HistoryEntry<T>): void {
    if (entry.changes.length === 0) return;
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  undo(): HistoryEntry<T> | null {
    const entry = this.done.pop();
    if (!entry) return null;
    this.undone.push(entry);
    return invert(entry);
  }

  redo(): HistoryEntry<T> | null {
    const entry = this.undone.pop();
    if (!entry) return null;
    this.done.push(entry);
    return entry;
  }

  /** Whether any record before or after a change of any entry, undone or not, satisfies `test`. */
  mentions(test: (record: T) => boolean): boolean {
    return [...this.done, ...this.undone].some((e) => e.changes.some((c) => (c.before !== null && test(c.before)) || (c.after !== null && test(c.after))));
  }

  /** Labels of what undo and redo would do next, for menus and tooltips. */
  peek(): { undo: string | null; redo: string | null } {
    return { undo: this.done.at(-1)?.label ?? null, redo: this.undone.at(-1)?.label ?? null };
  }
}
