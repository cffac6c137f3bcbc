/**
 * Panel filter benchmark: 5,000 annotations on a seeded 400,000-character article; times
 * `panelRowsFor` (what the panel computes on each key typed in its filter box) for a word typed
 * letter by letter, with and without a type filter, and the newest-first sort. The list itself is
 * virtualised (only rows in view are rendered; see the panel e2e). Run: `npx tsx bench/panel-filter.ts`.
 */
import { describe } from '../app/core/anchoring/describe.js';
import type { Annotation } from '../app/core/annotation.js';
import { BUILT_IN_LABELS } from '../app/core/labels.js';
import { panelRowsFor, type PanelQuery } from '../renderer/src/components/panel-view.js';
import { generateSpans, generateText } from './generate.js';

const text = generateText(7, 400_000);
const annotations: Annotation[] = generateSpans(text, 7, 5000, 0.2).map((s, i) => ({
  id: `a${i}`,
  type: BUILT_IN_LABELS[i % 3].id,
  target: describe(text, s.start, s.end),
  note: i % 10 === 0 ? 'check the budget figures with the council' : '',
  links: [],
  created: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  modified: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
}));

const word = 'government';
for (const base of [{ types: [], sort: 'position' }, { types: ['quote'], sort: 'position' }, { types: [], sort: 'newest' }] as Omit<PanelQuery, 'text'>[]) {
  const times: number[] = [];
  let shown = 0;
  for (let round = 0; round < 20; round++) {
    for (let i = 1; i <= word.length; i++) {
      const started = performance.now();
      shown = panelRowsFor(annotations, { ...base, text: word.slice(0, i) }).length;
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(2);
  process.stdout.write(`${annotations.length} annotations, types ${JSON.stringify(base.types)}, ${base.sort}: per key median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; "${word}" shows ${shown}\n`);
}
