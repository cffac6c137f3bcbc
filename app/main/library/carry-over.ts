import { reanchor, type ReanchorCounts } from '../../core/anchoring/reanchor.js';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
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
