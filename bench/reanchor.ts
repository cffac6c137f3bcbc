/**
 * Re-anchoring benchmark: seeded texts of growing size, 200 claims each, small edits (see
 * `test/support/edit-workload.ts`), then `reanchor` against the edited text. Prints, per size,
 * the time taken and how each annotation was placed, and counts wrong anchors (text at the anchor
 * is not the intended moved span). Run: `npx tsx bench/reanchor.ts [seeds]`.
 */
import { reanchor } from '../app/core/anchoring/reanchor.js';
import { workload } from '../test/support/edit-workload.js';

const seeds = Number(process.argv[2] ?? 5);
for (const paragraphs of [60, 400, 2000]) {
  const totals = { position: 0, quote: 0, fuzzy: 0, orphan: 0, wrong: 0, ms: 0, chars: 0 };
  for (let seed = 1; seed <= seeds; seed++) {
    const { after, spans, annotations } = workload(seed, { paragraphs, annotations: 200, edits: 60 });
    const started = performance.now();
    const result = reanchor(after, annotations);
    totals.ms += performance.now() - started;
    totals.chars += after.length;
    for (const key of ['position', 'quote', 'fuzzy', 'orphan'] as const) totals[key] += result.counts[key];
    for (const a of result.annotations) {
      const span = spans.find((s) => s.id === a.id)!;
      if (a.target.position.start !== span.start || a.target.position.end !== span.end) totals.wrong++;
    }
  }
  const { ms, chars, ...counts } = totals;
  process.stdout.write(`${Math.round(chars / seeds)} chars, 200 annotations, 60 edits, ${seeds} seeds: ${(ms / seeds).toFixed(0)} ms per re-anchoring; ${JSON.stringify(counts)}\n`);
}
