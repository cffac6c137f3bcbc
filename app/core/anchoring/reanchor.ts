import type { Annotation, OrphanAnnotation } from '../annotation.js';
import { anchorExactly, anchorFuzzily, type Anchor } from './anchor.js';
import { describe } from './describe.js';
import { PlacedStarts, type PlacedStart } from './shift.js';

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

/** The orphan reason of an annotation whose place another annotation of its type took (`reanchor`). */
export const SAME_SPAN_REASON = 'another annotation of the same type holds the span where it would go';

/**
 * Re-anchors annotations (and earlier orphans, whose text may have come back) against `text`, a
 * new canonical text: each is placed with `anchor` and re-described with `describe` at its new
 * range, so its `exact` is the text now there (it differs from the old one after a fuzzy match);
 * the rest become orphans keeping their last selectors, with the reason. Nothing is dropped: every
 * input id comes back exactly once, in input order. Ids, types, notes and times are kept
 * (`modified` tells of the analyst's edits, not of the text's). The exact steps run for all first,
 * in order of old position, each searching outward from where the previous placed span moved;
 * those they did not place are tried again, in order of old position and then in reverse, where
 * the placed spans before and after them say they are (a quote standing with its context in
 * several places only then, and only where those two do not disagree), each one placed so serving
 * the next; then the fuzzy step starts each search where the span's placed neighbours say it now
 * is (`PlacedStarts`). Two annotations of one type never share a span: of those that would, the
 * one placed by the earlier step keeps it (then the one that moved less, then the first in input
 * order), or one of `held` (annotations already in the record, not re-anchored) if it is there;
 * the others become orphans (`SAME_SPAN_REASON`). Pure.
 */
export function reanchor(text: string, items: readonly (Annotation | OrphanAnnotation)[], held: readonly Annotation[] = []): Reanchored {
  // The exact steps in order of old position, each expected where the last placed one moved to.
  const found: Anchor[] = new Array(items.length);
  const placed: PlacedStart[] = [];
  let shift = 0;
  for (const i of byOldStart(items)) {
    const old = items[i].target.position;
    // A quote that stands with its context in several places waits for its neighbours on both sides.
    const a = anchorExactly(text, items[i].target, old && old.start + shift, []);
    found[i] = a;
    if (a.status === 'anchored' && old) {
      shift = a.start - old.start;
      placed.push({ from: old.start, to: a.start });
    }
  }
  // Those left, tried again where the placed spans before and after them say they are (the
  // first words after a removed or moved paragraph break are placed by what follows them; among
  // copies, the neighbours must not disagree): forward, then backward, each placed one a
  // neighbour for the next.
  const index = new PlacedStarts(placed);
  const waiting = byOldStart(items).filter((i) => found[i].status !== 'anchored' && items[i].target.position);
  for (const order of [waiting, [...waiting].reverse()]) {
    for (const i of order) {
      const old = items[i].target.position!;
      if (found[i].status === 'anchored') continue;
      const [before, after] = [old.start + index.shift(old.start), old.start + index.shift(old.start, 'after')];
      const again = anchorExactly(text, items[i].target, after, [before, after]);
      if (again.status !== 'anchored') continue;
      found[i] = again;
      index.add({ from: old.start, to: again.start });
    }
  }
  items.forEach((item, i) => {
    const old = item.target.position;
    if (found[i].status !== 'anchored') found[i] = anchorFuzzily(text, item.target, found[i], old && old.start + index.shift(old.start));
  });
  const losers = sameSpanLosers(items, found, held);
  const result: Reanchored = { annotations: [], orphans: [], counts: { position: 0, quote: 0, fuzzy: 0, orphan: 0 } };
  items.forEach((item, i) => {
    const { id, type, note, links, created, modified, target } = item;
    const where = found[i];
    if (where.status === 'anchored' && !losers.has(i)) {
      result.counts[where.by]++;
      result.annotations.push({ id, type, note, links, created, modified, target: describe(text, where.start, where.end) });
    } else {
      result.counts.orphan++;
      result.orphans.push({ id, type, note, links, created, modified, target, reason: where.status === 'orphan' ? where.reason : SAME_SPAN_REASON });
    }
  });
  return result;
}

/**
 * Indices of the placed items of `found` whose type and range another holds: one of `held`, or a
 * placed item found by an earlier step (position, quote, fuzzy), else moved less from its old
 * start (an annotation whose own passage is still there moved only as far as the edits before it
 * moved the text; one that lost its passage jumped to the copy), else earlier in input.
 */
function sameSpanLosers(items: readonly (Annotation | OrphanAnnotation)[], found: readonly Anchor[], held: readonly Annotation[]): Set<number> {
  const step = { position: 0, quote: 1, fuzzy: 2 };
  const key = (type: string, start: number, end: number) => `${start}:${end}:${type}`;
  const taken = new Set(held.map((a) => key(a.type, a.target.position.start, a.target.position.end)));
  const placed = found.flatMap((a, i) => {
    if (a.status !== 'anchored') return [];
    const old = items[i].target.position;
    return [{ i, key: key(items[i].type, a.start, a.end), step: step[a.by], moved: old ? Math.abs(a.start - old.start) : Number.MAX_SAFE_INTEGER }];
  });
  placed.sort((x, y) => x.step - y.step || x.moved - y.moved || x.i - y.i);
  const losers = new Set<number>();
  for (const p of placed) {
    if (taken.has(p.key)) losers.add(p.i);
    else taken.add(p.key);
  }
  return losers;
}

/** Indices of `items` by old start (those without a position first, in input order). */
function byOldStart(items: readonly (Annotation | OrphanAnnotation)[]): number[] {
  const start = (i: number) => items[i].target.position?.start ?? -1;
  return items.map((_, i) => i).sort((a, b) => start(a) - start(b) || a - b);
}
