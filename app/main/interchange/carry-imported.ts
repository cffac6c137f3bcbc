import type { ReanchorCounts } from '../../core/anchoring/reanchor.js';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import { checkImportedLinks, cutNote, halfCharacterProblem, type LinkNote } from '../../core/formats/import-checks.js';
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
  /** Those stored with their note cut to `NOTE_MAX_LENGTH` (`cutNote`), with the reason; only annotations that were stored. */
  cutNotes: { id: string; reason: string }[];
}

/**
 * Stores annotations read from an import file (an Attest export imported or opened, a W3C
 * document) in `record`, through `repository` (which writes the files): those whose id the record
 * holds already are left out (duplicates); one whose span would start or end inside a character
 * is refused with the reason (`halfCharacterProblem`: the export could not write it, and the
 * reader would show a broken character); the rest are carried in as a changed file's are
 * (`carryInto`: re-anchored against the record's text, placed or kept as orphans) with the links the
 * attribution rules allow (`checkImportedLinks`, turning W3C links round with `reverseLinks`); a
 * note longer than `NOTE_MAX_LENGTH` is stored cut to it at a whole character (`cutNote`, listed
 * in `cutNotes`), so that the note shown is the note stored and every edit to it can be saved.
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
  const cutNotes: CarriedImport['cutNotes'] = [];
  const fitting = whole.map((a) => {
    const { note, reason } = cutNote(a.note);
    if (!reason) return a;
    cutNotes.push({ id: a.id, reason });
    return { ...a, note };
  });
  const links = checkImportedLinks(fitting, [...record.annotations, ...record.orphans], reverseLinks);
  const counts = carryInto(repository, record, links.records);
  return { counts, duplicates: items.length - fresh.length, refused, droppedLinks: links.dropped, reversedLinks: links.reversed, cutNotes };
}
