import type { Annotation, OrphanAnnotation } from '../annotation.js';
import { anchorExactly, anchorFuzzily, type Anchor } from './anchor.js';
import { describe } from './describe.js';
import { shiftEstimate, type PlacedStart } from './shift.js';

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
 * input id comes back exactly once, in input order. Ids, types, notes and times are kept
 * (`modified` tells of the analyst's edits, not of the text's). The exact steps run for all first,
 * in order of old position, each searching outward from where the previous placed span moved;
 * the fuzzy step then starts each search where the span's placed neighbours say it now is
 * (`shiftEstimate`). Pure.
 */
export function reanchor(text: string, items: readonly (Annotation | OrphanAnnotation)[]): Reanchored {
  // The exact steps in order of old position, each expected where the last placed one moved to.
  const found: Anchor[] = new Array(items.length);
  const placed: PlacedStart[] = [];
  let shift = 0;
  for (const i of byOldStart(items)) {
    const old = items[i].target.position;
    const a = anchorExactly(text, items[i].target, old && old.start + shift);
    found[i] = a;
    if (a.status === 'anchored' && old) {
      shift = a.start - old.start;
      placed.push({ from: old.start, to: a.start });
    }
  }
  const shiftAt = shiftEstimate(placed);
  const result: Reanchored = { annotations: [], orphans: [], counts: { position: 0, quote: 0, fuzzy: 0, orphan: 0 } };
  items.forEach((item, i) => {
    const { id, type, note, links, created, modified, target } = item;
    const exactly = found[i];
    const where = exactly.status === 'anchored' ? exactly : anchorFuzzily(text, target, exactly, target.position && target.position.start + shiftAt(target.position.start));
    if (where.status === 'anchored') {
      result.counts[where.by]++;
      result.annotations.push({ id, type, note, links, created, modified, target: describe(text, where.start, where.end) });
    } else {
      result.counts.orphan++;
      result.orphans.push({ id, type, note, links, created, modified, target, reason: where.reason });
    }
  });
  return result;
}

/** Indices of `items` by old start (those without a position first, in input order). */
function byOldStart(items: readonly (Annotation | OrphanAnnotation)[]): number[] {
  const start = (i: number) => items[i].target.position?.start ?? -1;
  return items.map((_, i) => i).sort((a, b) => start(a) - start(b) || a - b);
}
