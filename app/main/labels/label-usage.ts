import type { Annotation, AnnotationType } from '../../core/annotation.js';
import { isAttributable, releaseLinksTo, type LinkedRecord } from '../../core/attribution.js';
import type { Change } from '../../core/history.js';
import { spanHolder } from '../../core/tagging.js';
import type { ArticleRecord, ArticleRepository } from '../library/article-repository.js';
import { storedRecords } from '../interchange/stored-records.js';

/** What happens to the annotations of a removed label: retyped to label `to`, or deleted. */
export type RemovedLabelAction = { action: 'retype'; to: AnnotationType } | { action: 'delete' };

/** The annotations and orphans of `record` whose type is `type`. */
function using(record: ArticleRecord, type: AnnotationType): LinkedRecord[] {
  return [...record.annotations, ...record.orphans].filter((a) => a.type === type);
}

/**
 * The stored articles that use label `type` (reading every stored article, `storedRecords`), and
 * how many annotations and orphans use it in all.
 */
export function labelUsage(repository: ArticleRepository, type: AnnotationType): { annotations: number; articles: number; records: ArticleRecord[] } {
  const records: ArticleRecord[] = [];
  let annotations = 0;
  for (const record of storedRecords(repository)) {
    const count = using(record, type).length;
    if (count === 0) continue;
    records.push(record);
    annotations += count;
  }
  return { annotations, articles: records.length, records };
}

/**
 * The changes to `record` that take label `type` out of it per `what`: each annotation or orphan
 * of that type retyped (dropping links when the new type cannot be attributed; `modified` set
 * to `time`) or deleted (links to it detached first, so none dangles). A placed annotation
 * retyped onto a span that has an annotation of label `what.to` already (a span holds one of each
 * label: `spanHolder`) is merged into that one instead: its note is added to that one's (after a
 * blank line, unless the same), that one takes its attribution when it has none, and it is deleted.
 */
export function changesForRemovedLabel(record: ArticleRecord, type: AnnotationType, what: RemovedLabelAction, time: string): Change<LinkedRecord>[] {
  const hit = using(record, type);
  if (what.action === 'retype') return retyped(record, hit, what.to, time);
  const gone = new Set(hit.map((a) => a.id));
  const remaining = [...record.annotations, ...record.orphans].filter((a) => !gone.has(a.id));
  const detach = hit.flatMap((a) => releaseLinksTo(remaining, a.id, 'detach', time));
  return [...detach, ...hit.map((before) => ({ before, after: null }))];
}

/** The changes that retype `hit` (of `record`) to `to`, merging those whose span has an annotation of `to` already. */
function retyped(record: ArticleRecord, hit: readonly LinkedRecord[], to: AnnotationType, time: string): Change<LinkedRecord>[] {
  const links = (from: LinkedRecord) => (isAttributable(to) ? from.links : []);
  const merged = new Map<string, { before: Annotation; after: Annotation }>();
  const changes: Change<LinkedRecord>[] = [];
  for (const before of hit) {
    const holder = 'reason' in before ? undefined : spanHolder(record.annotations, to, before.target.position.start, before.target.position.end);
    if (!holder) {
      changes.push({ before, after: { ...before, type: to, links: links(before), modified: time } });
      continue;
    }
    const into = merged.get(holder.id) ?? { before: holder, after: holder };
    merged.set(holder.id, { before: holder, after: { ...into.after, note: joinNotes(into.after.note, before.note), links: into.after.links.length > 0 ? into.after.links : links(before), modified: time } });
    changes.push({ before, after: null });
  }
  return [...changes, ...merged.values()];
}

/** Note `b` added to note `a` after a blank line; one of them when the other is empty or they are the same. */
function joinNotes(a: string, b: string): string {
  if (b === '' || b === a) return a;
  return a === '' ? b : `${a}\n\n${b}`;
}

/**
 * Applies `what` to `records` (the articles `labelUsage` found using label `type`); returns how
 * many annotations changed and in how many articles. The repository writes the changed articles.
 */
export function removeLabelFromArticles(repository: ArticleRepository, records: readonly ArticleRecord[], type: AnnotationType, what: RemovedLabelAction, time: string): { changed: number; articles: number } {
  let changed = 0;
  for (const record of records) {
    changed += using(record, type).length;
    repository.applyChanges(record.article.id, changesForRemovedLabel(record, type, what, time));
  }
  return { changed, articles: records.length };
}
