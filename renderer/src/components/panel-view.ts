import type { Annotation, AnnotationType } from '../../../app/core/annotation.js';
import { textMatcher } from '../../../app/core/find.js';

/** How the Annotations panel orders its rows: by position in the text, or newest first (`created`). */
export type PanelSort = 'position' | 'newest';

/** What the panel shows: only these `types` (all when empty), rows whose quote or note contains `text`, in `sort` order. */
export interface PanelQuery {
  types: readonly AnnotationType[];
  text: string;
  sort: PanelSort;
}

/** The query that shows everything in document order. */
export const ALL: PanelQuery = { types: [], text: '', sort: 'position' };

/**
 * The rows the panel lists for `query`, from `annotations` in document order. Text matches in the
 * quoted text (`exact`) and in the note as Find matches in the article (`textMatcher`: case,
 * composed or decomposed accents, quote forms and runs of white space alike). O(n) per query,
 * plus a sort for `newest`.
 */
export function panelRowsFor(annotations: readonly Annotation[], query: PanelQuery): readonly Annotation[] {
  const holds = textMatcher(query.text);
  const types = new Set(query.types);
  const rows =
    !holds && types.size === 0
      ? annotations
      : annotations.filter((a) => (types.size === 0 || types.has(a.type)) && (!holds || holds(a.target.quote.exact) || holds(a.note)));
  if (query.sort === 'position') return rows;
  return [...rows].sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
}

/** How many annotations there are of each type (label id); a type no annotation has is absent. */
export function countsByType(annotations: readonly Annotation[]): ReadonlyMap<AnnotationType, number> {
  const counts = new Map<AnnotationType, number>();
  for (const a of annotations) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  return counts;
}
