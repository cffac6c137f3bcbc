import { describe as suite, expect, it } from 'vitest';
import { reanchor } from '../../app/core/anchoring/reanchor.js';
import { workload } from '../support/edit-workload.js';

suite('re-anchoring after small edits (seeded)', () => {
  // 60 seeds, 12,000 annotations: no wrong anchor and no untouched span orphaned for any; for the
  // first five, also how many spans an edit fell inside and how `anchor` placed the 200.
  const expected: Record<number, { edited: number; position: number; quote: number; fuzzy: number; orphan: number }> = {
    1: { edited: 39, position: 9, quote: 152, fuzzy: 32, orphan: 7 },
    2: { edited: 31, position: 0, quote: 169, fuzzy: 25, orphan: 6 },
    3: { edited: 38, position: 1, quote: 160, fuzzy: 37, orphan: 2 },
    4: { edited: 37, position: 0, quote: 163, fuzzy: 27, orphan: 10 },
    5: { edited: 34, position: 5, quote: 161, fuzzy: 32, orphan: 2 },
  };

  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i: 200 annotations, 60 edits: no wrong anchor, every untouched span found', (seed) => {
    const { after, spans, annotations } = workload(seed, { paragraphs: 60, annotations: 200, edits: 60 });
    const result = reanchor(after, annotations);

    const wrong = result.annotations.filter((a) => {
      const span = spans.find((s) => s.id === a.id)!;
      return a.target.position.start !== span.start || a.target.position.end !== span.end;
    });
    expect(wrong.map((a) => a.id)).toEqual([]);
    for (const a of result.annotations) expect(after.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
    expect([...result.annotations, ...result.orphans].map((a) => a.id).sort()).toEqual(annotations.map((a) => a.id).sort());
    const untouchedOrphans = result.orphans.filter((o) => !spans.find((s) => s.id === o.id)!.edited);
    expect(untouchedOrphans.map((o) => o.id)).toEqual([]);
    const edited = spans.filter((s) => s.edited).length;
    if (expected[seed]) expect({ edited, ...result.counts }).toEqual(expected[seed]);
  });
});
