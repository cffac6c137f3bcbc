/**
 * Re-anchoring on real articles: each saved page of a folder is imported by the app's importer
 * (its canonical text), given seeded annotations on word-boundary spans of 1–12 words within a
 * paragraph, edited as an editor might (`real-edits.ts`: paragraphs removed, copied, moved;
 * sentences reworded; typos fixed) with every span's new place known, and re-anchored with
 * `reanchor`. Counts per outcome: exact (an untouched span at its new range), moved-correct (a
 * span an edit touched, placed over what is left of it, or an untouched one with a word inserted
 * right beside it taken in), orphan (split by what became of the span), and WRONG (placed
 * anywhere else, or placed though all its text was removed); each wrong one is printed with its
 * context. Exits 1 when the folder is missing or holds no page.
 * Run: `npx tsx bench/reanchor-real.ts [DIR] [--seeds N] [--quiet]`; DIR defaults to
 * ../shared/articles/web beside the repository (the shared real pages).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reanchor } from '../app/core/anchoring/reanchor.js';
import { describe } from '../app/core/anchoring/describe.js';
import type { Annotation } from '../app/core/annotation.js';
import { importFile, isArticleFile } from '../app/main/importers/index.js';
import { random } from './generate.js';
import { editArticle, fateOf, wordsOf, type SpanFate } from './real-edits.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--seeds'));
const dir = resolve(positional[0] ?? resolve(import.meta.dirname, '..', '..', 'shared', 'articles', 'web'));
const seeds = Number(option('--seeds') ?? 3);
const quiet = args.includes('--quiet');

if (!existsSync(dir)) {
  process.stderr.write(`reanchor-real: the folder ${dir} does not exist; pass a folder of saved pages (e.g. /work/shared/articles/web)\n`);
  process.exit(1);
}
const files = readdirSync(dir).filter((f) => isArticleFile(f) && !f.endsWith('.json')).sort();
if (files.length === 0) {
  process.stderr.write(`reanchor-real: the folder ${dir} holds no article file\n`);
  process.exit(1);
}

const TYPES = ['claim', 'quote', 'source'];
const time = '2026-01-01T00:00:00.000Z';

/** Seeded annotations on spans of 1–12 words inside one paragraph each, about one per three words. */
function annotate(text: string, next: () => number): Annotation[] {
  const words = wordsOf(text);
  const out: Annotation[] = [];
  const drawn = new Map<string, number>();
  for (let i = 0, n = Math.ceil(words.length / 3); i < n; i++) {
    const w = Math.floor(next() * words.length);
    let last = Math.min(words.length - 1, w + Math.floor(next() * 12));
    while (last > w && text.slice(words[w].start, words[last].end).includes('\n')) last--;
    const { start } = words[w];
    const { end } = words[last];
    const key = `${start}:${end}`;
    const times = drawn.get(key) ?? 0;
    if (times >= TYPES.length) continue;
    drawn.set(key, times + 1);
    out.push({ id: `a${i}`, type: TYPES[times], target: describe(text, start, end), note: '', links: [], created: time, modified: time });
  }
  return out;
}

/** `text` around [start, end) with the span in ⟦ ⟧, on one line. */
function shown(text: string, start: number, end: number): string {
  const flat = (s: string) => s.replace(/\n/g, '¶');
  return `${flat(text.slice(Math.max(0, start - 40), start))}⟦${flat(text.slice(start, end))}⟧${flat(text.slice(end, end + 40))}`;
}

const outcomes = ['exact', 'moved-correct', 'orphan (removed)', 'orphan (touched)', 'orphan (untouched)', 'WRONG'] as const;
type Outcome = (typeof outcomes)[number];
const totals = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;
let annotationsTotal = 0;
let ms = 0;

for (const file of files) {
  const article = await importFile(join(dir, file));
  const counts = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;
  for (let seed = 1; seed <= seeds; seed++) {
    const next = random(seed * 7919 + file.length);
    const annotations = annotate(article.text, next);
    const edited = editArticle(article.text, next);
    const after = edited.text;
    const map = edited.mapping();
    const began = performance.now();
    const result = reanchor(after, annotations);
    ms += performance.now() - began;
    annotationsTotal += annotations.length;
    const fates = new Map<string, SpanFate>(annotations.map((a) => [a.id, fateOf(map, a.target.position.start, a.target.position.end)]));
    const before = new Map(annotations.map((a) => [a.id, a]));
    for (const o of result.orphans) counts[`orphan (${fates.get(o.id)!.kind})`]++;
    for (const a of result.annotations) {
      const fate = fates.get(a.id)!;
      const { start, end } = a.target.position;
      if (after.slice(start, end) !== a.target.quote.exact) throw new Error(`${file}: ${a.id} is described with other text than is there`);
      let outcome: Outcome = 'WRONG';
      if (fate.kind === 'untouched' && start === fate.start && end === fate.end) outcome = 'exact';
      else if (fate.kind === 'untouched' && start >= fate.lo && end <= fate.hi && start <= fate.start && end >= fate.end) outcome = 'moved-correct';
      else if (fate.kind === 'touched' && start >= fate.lo && end <= fate.hi && start < fate.keptTo && end > fate.keptFrom) outcome = 'moved-correct';
      counts[outcome]++;
      if (outcome !== 'WRONG' || quiet) continue;
      const old = before.get(a.id)!.target;
      const expected = fate.kind === 'untouched' ? shown(after, fate.start, fate.end) : fate.kind === 'touched' ? shown(after, fate.lo, fate.hi) : '(removed)';
      process.stdout.write(
        `WRONG ${file} seed ${seed} ${a.id} (${a.type}, ${fate.kind}):\n  was    ${shown(article.text, old.position.start, old.position.end)}\n  placed ${shown(after, start, end)}\n  should ${expected}\n`,
      );
    }
  }
  for (const o of outcomes) totals[o] += counts[o];
  process.stdout.write(`${file}: ${outcomes.map((o) => `${o} ${counts[o]}`).join(', ')}\n`);
}
const placed = totals.exact + totals['moved-correct'] + totals.WRONG;
process.stdout.write(
  `\n${files.length} articles, ${seeds} seeds each, ${annotationsTotal} annotations (${placed} placed), ${ms.toFixed(0)} ms re-anchoring in all\n` +
    `${outcomes.map((o) => `${o}: ${totals[o]}`).join('\n')}\n`,
);
