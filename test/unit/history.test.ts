import { describe as suite, expect, it } from 'vitest';
import { applyChanges, History, invert, type HistoryEntry } from '../../app/core/history.js';

type R = { id: string; v: number };
const create = (r: R): HistoryEntry<R> => ({ label: 'create', changes: [{ before: null, after: r }] });

suite('History', () => {
  it('create, delete, undo, redo: 1 → 0 → the same record back → 0', () => {
    const h = new History<R>();
    let records: R[] = [];
    const a = { id: 'a', v: 6 };
    const entry = create(a);
    records = applyChanges(records, entry.changes);
    h.record(entry);
    expect(records).toEqual([a]);
    const del: HistoryEntry<R> = { label: 'delete', changes: [{ before: a, after: null }] };
    records = applyChanges(records, del.changes);
    h.record(del);
    expect(records).toEqual([]);
    records = applyChanges(records, h.undo()!.changes);
    expect(records).toEqual([a]);
    records = applyChanges(records, h.redo()!.changes);
    expect(records).toEqual([]);
    expect(h.redo()).toBeNull();
  });

  it('a new operation clears redo; undo of an update restores the before', () => {
    const h = new History<R>();
    let records: R[] = [{ id: 'a', v: 1 }];
    const upd: HistoryEntry<R> = { label: 'update', changes: [{ before: { id: 'a', v: 1 }, after: { id: 'a', v: 2 } }] };
    records = applyChanges(records, upd.changes);
    h.record(upd);
    records = applyChanges(records, h.undo()!.changes);
    expect(records).toEqual([{ id: 'a', v: 1 }]);
    h.record(create({ id: 'b', v: 0 }));
    expect(h.peek()).toEqual({ undo: 'create', redo: null });
  });

  it('inverts multi-record entries in reverse order', () => {
    const entry: HistoryEntry<R> = { label: 'x', changes: [{ before: null, after: { id: 'a', v: 1 } }, { before: { id: 'a', v: 1 }, after: { id: 'a', v: 2 } }] };
    expect(invert(entry).changes).toEqual([{ before: { id: 'a', v: 2 }, after: { id: 'a', v: 1 } }, { before: { id: 'a', v: 1 }, after: null }]);
    const records = applyChanges([], entry.changes);
    expect(applyChanges(records, invert(entry).changes)).toEqual([]);
  });

  it('refuses changes that do not fit the records', () => {
    expect(() => applyChanges([{ id: 'a', v: 1 }], create({ id: 'a', v: 1 }).changes)).toThrow(/exists/);
    expect(() => applyChanges([], [{ before: { id: 'z', v: 1 }, after: null }])).toThrow(/does not exist/);
  });

  it('keeps at most `limit` entries', () => {
    const h = new History<R>(2);
    for (const id of ['a', 'b', 'c']) h.record(create({ id, v: 0 }));
    expect(h.undo()).not.toBeNull();
    expect(h.undo()).not.toBeNull();
    expect(h.undo()).toBeNull();
  });
});
