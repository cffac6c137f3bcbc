import type { AnnotationType } from '../../core/annotation.js';
import { isAttributable, releaseLinksTo, type LinkedRecord } from '../../core/attribution.js';
import type { Change } from '../../core/history.js';
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
 * to `time`) or deleted (links to it detached first, so none dangles).
 */
export function changesForRemovedLabel(record: ArticleRecord, type: AnnotationType, what: RemovedLabelAction, time: string): Change<LinkedRecord>[] {
  const hit = using(record, type);
  if (what.action === 'retype') {
    return hit.map((before) => ({ before, after: { ...before, type: what.to, links: isAttributable(what.to) ? before.links : [], modified: time } }));
  }
  const gone = new Set(hit.map((a) => a.id));
  const remaining = [...record.annotations, ...record.orphans].filter((a) => !gone.has(a.id));
  const detach = hit.flatMap((a) => releaseLinksTo(remaining, a.id, 'detach', time));
  return [...detach, ...hit.map((before) => ({ before, after: null }))];
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
