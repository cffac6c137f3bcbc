import { reanchor, type ReanchorCounts } from '../../core/anchoring/reanchor.js';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import type { Change } from '../../core/history.js';
import type { ArticleRecord, ArticleRepository } from './article-repository.js';

/**
 * The record of the article last opened from `path` when it is another text than `articleId`
 * (the file there changed since), or null. Read before the new text is stored, so that a damaged
 * record stops the opening with its error instead of being passed over.
 */
export function previousAtPath(repository: ArticleRepository, path: string, articleId: string): ArticleRecord | null {
  const previousId = repository.articleIdForPath(path);
  return previousId && previousId !== articleId ? repository.get(previousId) : null;
}

/**
 * Carries annotations and orphans from elsewhere (an earlier text of the article, an export) into
 * `record`: those whose id the record does not hold yet are re-anchored against its text
 * (`reanchor`: placed ones re-described at their new range, the rest kept as orphans with their
 * last selectors) and added; one that would go where the record already holds an annotation of
 * its type is kept as an orphan. The record they came from is not touched. Returns the counts.
 */
export function carryInto(repository: ArticleRepository, record: ArticleRecord, items: readonly (Annotation | OrphanAnnotation)[]): ReanchorCounts {
  const known = new Set([...record.annotations, ...record.orphans].map((a) => a.id));
  const result = reanchor(record.article.text, items.filter((a) => !known.has(a.id)), record.annotations);
  repository.adopt(record.article.id, result);
  return result.counts;
}

/**
 * Carries the annotations of `previous` (the text the file at this path held before: the
 * analyst's latest work on it) into `record`, which may hold annotations of its own from an
 * earlier time (the file went back to a text it held before, or another file has this text):
 * - an annotation deleted from `previous` (`deleted`) no earlier than `record`'s copy last
 *   changed is deleted from `record` too;
 * - an annotation both hold that differs, changed in `previous` no earlier than in `record`,
 *   takes `previous`'s type, note and attribution (links to annotations `record` will hold) at
 *   `record`'s own place in its text;
 * - the rest of `previous` is carried as `carryInto` carries it, except what `record` deleted no
 *   earlier than `previous` changed it.
 * Times are the annotations' `modified` and the deletions' `at` (ISO 8601, compared as strings).
 * Returns the counts of the annotations carried.
 */
export function carryFromPrevious(repository: ArticleRepository, record: ArticleRecord, previous: ArticleRecord): ReanchorCounts {
  const theirs = [...previous.annotations, ...previous.orphans];
  const mine = new Map([...record.annotations, ...record.orphans].map((a) => [a.id, a] as const));
  const deletedHere = new Map((record.deleted ?? []).map((d) => [d.id, d.at] as const));
  const incoming = theirs.filter((a) => !(mine.has(a.id) || (deletedHere.has(a.id) && a.modified <= deletedHere.get(a.id)!)));
  const changes: Change<Annotation | OrphanAnnotation>[] = [];
  const removed = new Set<string>();
  for (const { id, at } of previous.deleted ?? []) {
    const held = mine.get(id);
    if (held && held.modified <= at) {
      changes.push({ before: held, after: null });
      removed.add(id);
    }
  }
  const kept = new Set([...[...mine.keys()].filter((id) => !removed.has(id)), ...incoming.map((a) => a.id)]);
  for (const other of theirs) {
    const held = mine.get(other.id);
    if (!held || removed.has(other.id) || other.modified < held.modified) continue;
    const after = { ...held, type: other.type, note: other.note, links: other.links.filter((l) => kept.has(l.target)), modified: other.modified };
    if (JSON.stringify(after) !== JSON.stringify(held)) changes.push({ before: held, after });
  }
  if (changes.length > 0) repository.applyChanges(record.article.id, changes);
  return carryInto(repository, record, incoming);
}
