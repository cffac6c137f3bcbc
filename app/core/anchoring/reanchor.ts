import type { Annotation, OrphanAnnotation } from '../annotation.js';
import { anchor } from './anchor.js';
import { describe } from './describe.js';

/** How many annotations each step of `anchor` placed, and how many became orphans. */
export interface ReanchorCounts {
  position: number;
  quote: number;
  fuzzy: number;
  orphan: number;
}

/** What `reanchor` gives back: annotations placed in the new text, orphans, and the counts. */
export interface Reanchored {
  annotations: Annotation[];
  orphans: OrphanAnnotation[];
  counts: ReanchorCounts;
}

/**
 * Re-anchors annotations (and earlier orphans, whose text may have come back) against `text`, a
 * new canonical text: each is placed with `anchor` and re-described with `describe` at its new
 * range, so its `exact` is the text now there (it differs from the old one after a fuzzy match);
 * the rest become orphans keeping their last selectors, with the reason. Nothing is dropped: every
 * input id comes back exactly once. Ids, types, notes and times are kept (`modified` tells of the
 * analyst's edits, not of the text's). Pure.
 */
export function reanchor(text: string, items: readonly (Annotation | OrphanAnnotation)[]): Reanchored {
  const result: Reanchored = { annotations: [], orphans: [], counts: { position: 0, quote: 0, fuzzy: 0, orphan: 0 } };
  for (const item of items) {
    const { id, type, note, links, created, modified } = item;
    const found = anchor(text, item.target);
    if (found.status === 'anchored') {
      result.counts[found.by]++;
      result.annotations.push({ id, type, note, links, created, modified, target: describe(text, found.start, found.end) });
    } else {
      result.counts.orphan++;
      result.orphans.push({ id, type, note, links, created, modified, target: item.target, reason: found.reason });
    }
  }
  return result;
}
