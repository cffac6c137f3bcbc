import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { reanchor, type ReanchorCounts } from '../../core/anchoring/reanchor.js';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import type { Article } from '../../core/article.js';
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
 * Whether the annotations of `previous` (the text the file at `path` held before) may be carried
 * into the text it holds now, whose record before this opening is `existing` (null for a text not
 * seen before), without mixing another file's work into a record. `holds(otherPath, articleId)`
 * says whether another file holds that text now (`holdsNow`: it is there, and it was last read
 * with that text); a record's text belongs to `path` alone when no other file holds it. Carrying
 * is refused when
 * - another file holds `existing`'s text: the file now holds another file's text (a copy written
 *   over it), which shows that text's own annotations;
 * - another file holds `previous`'s text and the text has a record already: the file goes back to
 *   its own text after holding another file's, and that file's annotations stay with it.
 * A new text takes them in either case (an edited copy, a renamed file edited: a new record holds
 * nobody else's work), and a text of this file alone takes them (edited in place; back to a text
 * it held, `carryFromPrevious`). A file moved away or deleted holds nothing, and a path an imported
 * export names was never read here. Nothing is moved when refused: each record keeps its
 * annotations, and the file shows them again when it holds that text again. Returns the decision
 * and, when refused, a sentence for the analyst naming the other file (null when no annotation is concerned).
 */
function carryDecision(path: string, previous: ArticleRecord, existing: ArticleRecord | null, holds: (otherPath: string, articleId: string) => boolean): { carry: true } | { carry: false; notice: string | null } {
  const name = basename(path);
  const nameOf = (other: string) => (basename(other) === name ? other : basename(other));
  const holders = existing ? otherFiles(existing, path).filter((p) => holds(p, existing.article.id)) : [];
  if (existing && holders.length > 0) {
    const told = hasAny(previous) || hasAny(existing);
    return { carry: false, notice: told ? `${name} now holds the same text as ${nameOf(holders[0]!)}, so it shows that text's annotations; those made on its earlier text stay with that text (putting the text back brings them back).` : null };
  }
  const earlier = otherFiles(previous, path).filter((p) => holds(p, previous.article.id));
  if (existing && earlier.length > 0) {
    return { carry: false, notice: hasAny(previous) ? `${name} held the same text as ${nameOf(earlier[0]!)} until now; that text's annotations stay with it and are not brought here.` : null };
  }
  return { carry: true };
}

/**
 * Whether the file at `path` holds the text of `articleId` now, as far as main can tell without
 * reading it: it exists, and the index says it was last read with that text. A file moved away or
 * deleted holds nothing; a path only an imported export names was never read here.
 */
function holdsNow(repository: ArticleRepository, path: string, articleId: string): boolean {
  return repository.articleIdForPath(path) === articleId && existsSync(path);
}

/**
 * Stores `article`, just read from the file at `path`, and carries the annotations of `previous`
 * (the other text that file held before, or null) into its record when `carryDecision` allows;
 * remembers what the analyst is to be told of it (`rememberNotice`, `noticeFor`). Returns the record.
 */
export function putCarrying(repository: ArticleRepository, path: string, article: Article, previous: ArticleRecord | null): ArticleRecord {
  // Decided before the new text is stored, as its record was: carrying must not mix another file's work in.
  const decision = previous ? carryDecision(path, previous, repository.get(article.id), (p, id) => holdsNow(repository, p, id)) : null;
  const record = repository.put(article);
  if (previous && decision?.carry) carryFromPrevious(repository, record, previous);
  if (decision) rememberNotice(repository, path, record.article.id, decision.carry ? null : decision.notice);
  return record;
}

/** Whether `record` holds any annotation or orphan. */
function hasAny(record: ArticleRecord): boolean {
  return record.annotations.length + record.orphans.length > 0;
}

/** The files other than `path` that `record`'s text was read from (its `sources`, and its article's own source for records kept before `sources`), sorted. */
function otherFiles(record: ArticleRecord, path: string): string[] {
  return [...new Set([...Object.keys(record.sources), record.article.source.path])].filter((p) => p !== path).sort();
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
function carryFromPrevious(repository: ArticleRepository, record: ArticleRecord, previous: ArticleRecord): ReanchorCounts {
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

/** Per repository, path -> what opening the file there tells the analyst while it holds that article's text (this session). */
const notices = new WeakMap<ArticleRepository, Map<string, { articleId: string; notice: string }>>();

/**
 * Remembers `notice` (a refused carry, `carryDecision`) for the file at `path`, which now holds the
 * text of `articleId`, so that every opening of it in this session says so, the library watcher's
 * included (it opens a changed file before the analyst does); null forgets what was remembered.
 * Kept in memory only: the records hold everything else.
 */
function rememberNotice(repository: ArticleRepository, path: string, articleId: string, notice: string | null): void {
  let byPath = notices.get(repository);
  if (!byPath) notices.set(repository, (byPath = new Map()));
  if (notice) byPath.set(path, { articleId, notice });
  else byPath.delete(path);
}

/** The notice remembered for the file at `path` while it still holds the text of `articleId`, or null. */
export function noticeFor(repository: ArticleRepository, path: string, articleId: string): string | null {
  const remembered = notices.get(repository)?.get(path);
  return remembered?.articleId === articleId ? remembered.notice : null;
}
