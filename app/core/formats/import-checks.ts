import type { AnnotationLink, TargetSelectors } from '../annotation.js';
import { attributionProblem, isAttributable, ONE_SOURCE_AT_MOST, SOURCE_TYPE, type LinkedRecord } from '../attribution.js';
import { NOTE_MAX_LENGTH } from '../ipc.js';
import { isInsideSurrogatePair } from '../text.js';

/**
 * Checks on annotations read from an import file (Attest annotated JSON, W3C Web Annotation)
 * before they are stored: a span never starts or ends inside a character, and every link kept
 * follows the attribution rules of `attribution.ts`. Pure.
 */

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Why the selectors of an imported annotation would put it inside a character of `text` (its
 * article's canonical text), in words for the analyst; null when they do not. A character here is
 * a Unicode code point: the two UTF-16 code units of a surrogate pair (an emoji, a flag's letter)
 * are never parted. Checked: the `TextPositionSelector`'s start and end (UTF-16 offsets) against
 * `text`, and the ends of the quote's `exact` (a quote starting with the second half of a pair or
 * ending with the first half can only be found inside a character). A span that passes is placed
 * at whole characters by every step of `anchor` (the exact steps match it as it is; the fuzzy one
 * moves its ends to grapheme boundaries).
 */
export function halfCharacterProblem(text: string, target: TargetSelectors): string | null {
  const { position, quote } = target;
  for (const [end, offset] of [['start', position?.start], ['end', position?.end]] as const) {
    if (offset !== undefined && isInsideSurrogatePair(text, offset)) {
      return `its ${end}, UTF-16 offset ${offset}, falls inside a character (between the two halves of a surrogate pair)`;
    }
  }
  const { exact } = quote;
  if (exact.length > 0 && isLow(exact.charCodeAt(0))) return 'its quote starts inside a character (with the second half of a surrogate pair)';
  if (exact.length > 0 && isHigh(exact.charCodeAt(exact.length - 1))) return 'its quote ends inside a character (with the first half of a surrogate pair)';
  return null;
}

/**
 * An imported note as it can be stored: `note` itself when it holds at most `max` UTF-16 code
 * units (`NOTE_MAX_LENGTH`, what an edit may save), else its first `max` code units, one fewer
 * when the cut would part a surrogate pair (a note is cut at a whole character), with
 * `reason` in words for the analyst naming the original length, what was kept, and that the
 * whole note is still in the import file. Every note the reader shows can then be edited and saved.
 */
export function cutNote(note: string, max: number = NOTE_MAX_LENGTH): { note: string; reason: string | null } {
  if (note.length <= max) return { note, reason: null };
  const end = isHigh(note.charCodeAt(max - 1)) ? max - 1 : max;
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    note: note.slice(0, end),
    reason: `its note has ${count(note.length)} characters and a note holds at most ${count(max)}: its first ${count(end)} were kept, the whole note is still in the import file`,
  };
}

/** A link an import left out (`id`'s link to `target`) or turned round (`id` is now attributed to `target`), with the reason. */
export interface LinkNote {
  id: string;
  target: string;
  reason: string;
}

/** What `checkImportedLinks` gives back: the records with the links they may keep, and what it changed. */
export interface CheckedLinks<T extends LinkedRecord> {
  records: T[];
  dropped: LinkNote[];
  reversed: LinkNote[];
}

/**
 * The links of imported records (`incoming`, about to be stored in one article beside `held`, what
 * the article holds already, annotations and orphans) as the attribution rules allow them: only a
 * claim or a quote is attributed; the target is another annotation or orphan of the same article
 * (of `held` or `incoming`) whose type is source; one `attributedTo` per annotation (the first
 * that passes is kept). Every other link is dropped and listed in `dropped` with the reason.
 * With `reverse` (W3C linking annotations, whose two targets another tool may write in either
 * order), a source linked to an incoming claim or quote is read as that claim or quote attributed
 * to the source (listed in `reversed`), and then checked like the others. Records keep their order;
 * `held` is not changed.
 */
export function checkImportedLinks<T extends LinkedRecord>(incoming: readonly T[], held: readonly LinkedRecord[], reverse = false): CheckedLinks<T> {
  const typeOf = new Map<string, string>([...held, ...incoming].map((r) => [r.id, r.type]));
  const incomingIds = new Set(incoming.map((r) => r.id));
  const dropped: LinkNote[] = [];
  const reversed: LinkNote[] = [];
  const extra = new Map<string, AnnotationLink[]>();
  const own = new Map<string, AnnotationLink[]>();
  for (const r of incoming) {
    const links: AnnotationLink[] = [];
    for (const link of r.links) {
      const other = typeOf.get(link.target);
      if (reverse && r.type === SOURCE_TYPE && incomingIds.has(link.target) && other !== undefined && isAttributable(other)) {
        reversed.push({ id: link.target, target: r.id, reason: `the link was written from source ${r.id} to ${other} ${link.target}: read as the ${other} attributed to the source` });
        extra.set(link.target, [...(extra.get(link.target) ?? []), { type: 'attributedTo', target: r.id }]);
      } else links.push(link);
    }
    own.set(r.id, links);
  }
  const records = incoming.map((r) => {
    const kept: AnnotationLink[] = [];
    for (const link of [...own.get(r.id)!, ...(extra.get(r.id) ?? [])]) {
      const problem = attributionProblem(r, link.target, (id) => typeOf.get(id), kept.length);
      if (problem) dropped.push({ id: r.id, target: link.target, reason: problem === ONE_SOURCE_AT_MOST ? `${problem} (kept ${kept[0].target}, the first)` : problem });
      else kept.push(link);
    }
    return kept.length === r.links.length && kept.every((l, i) => l === r.links[i]) ? r : { ...r, links: kept };
  });
  return { records, dropped, reversed };
}
