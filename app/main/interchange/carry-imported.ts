import type { ReanchorCounts } from '../../core/anchoring/reanchor.js';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import { checkImportedLinks, halfCharacterProblem, type LinkNote } from '../../core/formats/import-checks.js';
import type { ArticleRecord, ArticleRepository } from '../library/article-repository.js';
import { carryInto } from '../library/carry-over.js';

/** What `carryImported` did with the annotations of an import file given to one article. */
export interface CarriedImport {
  /** How each stored one was placed (`reanchor`'s counts: by position, quote, fuzzy quote, or kept as an orphan). */
  counts: ReanchorCounts;
  /** Those left out because the article holds their id already. */
  duplicates: number;
  /** Those refused, with the reason (a span inside a character). */
  refused: { id: string; reason: string }[];
  /** Links left out (`checkImportedLinks`). */
  droppedLinks: LinkNote[];
  /** Links turned round (W3C, `reverseLinks`). */
  reversedLinks: LinkNote[];
}

/**
 * Stores annotations read from an import file (an Attest export imported or opened, a W3C
 * document) in `record`, through `repository` (which writes the files): those whose id the record
 * holds already are left out (duplicates); one whose span would start or end inside a character
 * is refused with the reason (`halfCharacterProblem`: the export could not write it, and the
 * reader would show a broken character); the rest are carried in as a changed file's are
 * (`carryInto`: re-anchored against the record's text, placed or kept as orphans) with the links the
 * attribution rules allow (`checkImportedLinks`, turning W3C links round with `reverseLinks`).
 * Returns what it did; throws what `ArticleRepository.adopt` throws.
 */
export function carryImported(repository: ArticleRepository, record: ArticleRecord, items: readonly (Annotation | OrphanAnnotation)[], reverseLinks = false): CarriedImport {
  const { text } = record.article;
  const known = new Set([...record.annotations, ...record.orphans].map((a) => a.id));
  const fresh = items.filter((a) => !known.has(a.id));
  const refused: CarriedImport['refused'] = [];
  const whole = fresh.filter((a) => {
    const problem = halfCharacterProblem(text, a.target);
    if (problem) refused.push({ id: a.id, reason: problem });
    return !problem;
  });
  const links = checkImportedLinks(whole, [...record.annotations, ...record.orphans], reverseLinks);
  const counts = carryInto(repository, record, links.records);
  return { counts, duplicates: items.length - fresh.length, refused, droppedLinks: links.dropped, reversedLinks: links.reversed };
}
