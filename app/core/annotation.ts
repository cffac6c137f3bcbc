/**
 * Annotations on an article, named as in the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/): a target described by selectors, a body (here the
 * type and a note).
 */

/**
 * What a span is: the id of its label (`labels.ts`). Built in: `claim` (an assertion to check),
 * `quote` (words reported as someone's), `source` (who said it); or a custom label's id.
 */
export type AnnotationType = string;

/**
 * W3C `TextPositionSelector`, counted in **UTF-16 code units** of the canonical text (the W3C
 * model counts code points; exports carry both, see `formats/annotated-json.ts`).
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * W3C `TextQuoteSelector`: the quoted text and up to 32 UTF-16 code units of context on each side
 * (fewer at the text's ends; never half a surrogate pair).
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** How an annotation's target is found again: position first, quote to check and to search. */
export interface AnnotationTarget {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * Selectors as `anchor` takes them: the quote, and the position when it is known (an orphan read
 * from an export has none).
 */
export interface TargetSelectors {
  position?: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * A link from one annotation to another of the same article. `attributedTo`: a quote or a claim
 * is attributed to a source annotation (who said it); `target` is that annotation's id.
 */
export interface AnnotationLink {
  type: 'attributedTo';
  target: string;
}

/**
 * One tagged span. Invariant: `text.slice(target.position.start, target.position.end) ===
 * target.quote.exact` in the canonical text of the article it belongs to.
 * `created`/`modified` are ISO 8601 UTC timestamps.
 */
export interface Annotation {
  id: string;
  type: AnnotationType;
  target: AnnotationTarget;
  note: string;
  /** Links to other annotations of the article (attribution); empty when none. */
  links: AnnotationLink[];
  created: string;
  modified: string;
}

/**
 * An annotation that could not be placed in its article's current text (see `anchoring/anchor.ts`):
 * kept with its last selectors, which describe the text it was last anchored in (not this one;
 * `position` is absent when that is unknown), listed for review, never painted nor exported with
 * offsets. `reason` says why anchoring failed, in words for the analyst.
 */
export interface OrphanAnnotation {
  id: string;
  type: AnnotationType;
  target: TargetSelectors;
  note: string;
  links: AnnotationLink[];
  created: string;
  modified: string;
  reason: string;
}

/** Orders annotations by position in the text: start ascending, longer first, then id. */
export function compareByPosition(a: Annotation, b: Annotation): number {
  return (
    a.target.position.start - b.target.position.start ||
    b.target.position.end - a.target.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
