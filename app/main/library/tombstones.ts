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
