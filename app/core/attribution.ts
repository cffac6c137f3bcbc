/**
 * Attribution: a quote or a claim is attributed to a source annotation of the same article (an
 * `attributedTo` link, see `annotation.ts`). The rules main enforces, and the changes that keep
 * links from dangling when a source goes away, as plain data for the undo history.
 */
import type { Annotation, AnnotationLink, AnnotationType, OrphanAnnotation } from './annotation.js';
import type { Change } from './history.js';

/** Types that can be attributed to a source. */
export const ATTRIBUTABLE_TYPES: readonly AnnotationType[] = ['claim', 'quote'];

/** The type an annotation must have to be the target of an `attributedTo` link. */
export const SOURCE_TYPE: AnnotationType = 'source';

/** What a source with attributed annotations does with them when it is deleted (or stops being a source). */
export type AttributedPolicy = 'detach' | 'delete-them';

/** An annotation or an orphan: both carry links. */
export type LinkedRecord = Annotation | OrphanAnnotation;

/** True when annotations of `type` can be attributed to a source. */
export function isAttributable(type: AnnotationType): boolean {
  return ATTRIBUTABLE_TYPES.includes(type);
}

/** The id of the source `record` is attributed to, or null. */
export function attributionOf(record: { links: readonly AnnotationLink[] }): string | null {
  return record.links.find((l) => l.type === 'attributedTo')?.target ?? null;
}

/** The records (annotations and orphans) whose links point at `targetId`. */
export function linkedTo<T extends LinkedRecord>(records: readonly T[], targetId: string): T[] {
  return records.filter((r) => r.links.some((l) => l.target === targetId));
}

/** What `attributionProblem` says of a second link from one annotation. */
export const ONE_SOURCE_AT_MOST = 'an annotation is attributed to one source at most';

/**
 * Why annotation `record` ({id, type}) cannot be attributed to `target` (an annotation id), in
 * words for the analyst; null when it can. `typeOf` gives the type of an id of the same article
 * (undefined when there is none); `earlier` is how many links the record keeps already. The one
 * set of rules, for edits and imports alike: only a claim or a quote is attributed, to another
 * annotation of the article whose type is source, and to one source at most.
 */
export function attributionProblem(record: { id: string; type: AnnotationType }, target: string, typeOf: (id: string) => AnnotationType | undefined, earlier = 0): string | null {
  if (!isAttributable(record.type)) return `a ${record.type} cannot be attributed to a source (only a claim or a quote can)`;
  if (target === record.id) return 'an annotation cannot be attributed to itself';
  const type = typeOf(target);
  if (type === undefined) return `no annotation ${target} in this article`;
  if (type !== SOURCE_TYPE) return `annotation ${target} is a ${type}, not a source`;
  if (earlier > 0) return ONE_SOURCE_AT_MOST;
  return null;
}

/**
 * Why `links` cannot be the links of annotation `id` of type `type` among the article's placed
 * `annotations`, in words for the analyst; null when they can (`attributionProblem`, link by link).
 */
export function linkProblem(id: string, type: AnnotationType, links: readonly AnnotationLink[], annotations: readonly Annotation[]): string | null {
  if (links.length === 0) return null;
  const typeOf = (target: string) => annotations.find((a) => a.id === target)?.type;
  for (const [i, link] of links.entries()) {
    const problem = attributionProblem({ id, type }, link.target, typeOf, i);
    if (problem) return problem;
  }
  return null;
}

/**
 * The changes that take every link to `targetId` out of `records` per `policy`: `detach` drops the
 * links (the records stay, `modified` set to `time`), `delete-them` deletes the records.
 */
export function releaseLinksTo(records: readonly LinkedRecord[], targetId: string, policy: AttributedPolicy, time: string): Change<LinkedRecord>[] {
  return linkedTo(records, targetId).map((before) =>
    policy === 'delete-them' ? { before, after: null } : { before, after: { ...before, links: before.links.filter((l) => l.target !== targetId), modified: time } },
  );
}

/**
 * The ids linked to annotation `id` either way: the source it is attributed to, and the
 * annotations attributed to it. Empty for null or an unknown id.
 */
export function linkedIds(annotations: readonly Annotation[], id: string | null): Set<string> {
  const ids = new Set<string>();
  if (id === null) return ids;
  for (const a of annotations) {
    if (a.id === id) for (const l of a.links) ids.add(l.target);
    else if (a.links.some((l) => l.target === id)) ids.add(a.id);
  }
  return ids;
}
