import type { ArticleRecord } from './store-schema.js';

/**
 * `record.deleted` once its annotations and orphans become `next`: the ids that are gone noted as
 * deleted `at` (ISO 8601), the ids that came back (an undone delete) no longer noted. The same
 * array when nothing was or is deleted.
 */
export function tombstones(record: ArticleRecord, next: readonly { id: string }[], at: string): ArticleRecord['deleted'] {
  const now = new Set(next.map((a) => a.id));
  const gone = [...record.annotations, ...record.orphans].filter((a) => !now.has(a.id)).map((a) => ({ id: a.id, at }));
  const goneIds = new Set(gone.map((g) => g.id));
  const kept = (record.deleted ?? []).filter((d) => !now.has(d.id) && !goneIds.has(d.id));
  return kept.length + gone.length > 0 || record.deleted ? [...kept, ...gone] : undefined;
}

/**
 * `deleted` after `changes` (in order; `after` null: the id removed), as `tombstones` notes them:
 * a removal noted `at`, an id set again no longer noted. For a journal replayed onto a record
 * that may never have held its annotations. Undefined when none is or was noted.
 */
export function tombstonesAfter(deleted: ArticleRecord['deleted'], changes: readonly { id: string; after: unknown }[], at: string): ArticleRecord['deleted'] {
  let next = deleted ?? [];
  for (const { id, after } of changes) {
    next = next.filter((d) => d.id !== id);
    if (after === null) next.push({ id, at });
  }
  return next.length > 0 || deleted ? next : undefined;
}
