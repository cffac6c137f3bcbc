import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../app/core/anchoring/describe.js';
import { reanchor } from '../app/core/anchoring/reanchor.js';
import type { Annotation } from '../app/core/annotation.js';
import { toAnnotatedJson } from '../app/core/formats/annotated-json.js';
import { importFile } from '../app/main/importers/index.js';
import { ArticleRepository } from '../app/main/library/article-repository.js';
import { confStoreFactory } from '../app/main/store/conf-store.js';
import { workload } from '../test/support/edit-workload.js';
import { generateSpans, generateText } from './generate.js';
import { summarise, time, type Metric } from './stats.js';

const stamp = '2026-01-01T00:00:00.000Z';
const claim = (text: string, start: number, end: number): Annotation => ({ id: randomUUID(), type: 'claim', target: describe(text, start, end), note: '', links: [], created: stamp, modified: stamp });

/** W4: one change saved, with `articles` articles in the library: main-thread time of the save, and change to disk. */
export async function w4(dir: string, articles: number, runs: number): Promise<Metric[]> {
  const repository = new ArticleRepository(dir, confStoreFactory, 250);
  let target = '';
  for (let i = 0; i < articles; i++) {
    const path = join(dir, `a${i}.txt`);
    writeFileSync(path, `Article ${i}. ${generateText(i, 600)}`);
    const article = await importFile(path);
    repository.put(article);
    target = article.id;
  }
  repository.flush();
  const text = repository.get(target)!.article.text;
  const save = await time(runs, 3, () => {
    repository.addAnnotation(target, claim(text, 0, 7));
    repository.flush();
  });
  const store = join(dir, 'articles', `${target}.json`);
  const toDisk: number[] = [];
  for (let run = 0; run < runs; run++) {
    const a = claim(text, 0, 7);
    const started = performance.now();
    repository.addAnnotation(target, a);
    while (!readFileSync(store, 'utf8').includes(a.id)) await new Promise((r) => setTimeout(r, 5));
    toDisk.push(performance.now() - started);
  }
  return [
    summarise(`W4 save one change, ${articles} articles: main-thread time`, 'ms', save, { limit: 2, stat: 'median' }),
    summarise(`W4 save one change, ${articles} articles: change to on disk (250 ms batching)`, 'ms', toDisk),
  ];
}

/** W5: re-anchor 1,000 annotations after small edits: time, and how they were placed (0 wrong is the budget). */
export async function w5(runs: number): Promise<Metric[]> {
  const samples: number[] = [];
  let exact = 0;
  let total = 0;
  let orphans = 0;
  let wrong = 0;
  for (let seed = 1; seed <= runs + 2; seed++) {
    const { after, spans, annotations } = workload(seed, { paragraphs: 400, annotations: 1000, edits: 100 });
    const started = performance.now();
    const result = reanchor(after, annotations);
    if (seed <= 2) continue;
    samples.push(performance.now() - started);
    total += annotations.length;
    exact += result.counts.position + result.counts.quote;
    orphans += result.counts.orphan;
    for (const a of result.annotations) {
      const span = spans.find((s) => s.id === a.id)!;
      if (a.target.position.start !== span.start || a.target.position.end !== span.end) wrong++;
    }
  }
  const rate = summarise('W5 exact anchors (position or exact quote)', '%', [(100 * exact) / total]);
  rate.budget = { limit: 95, stat: 'median', holds: (100 * exact) / total >= 95 };
  const wrongMetric = summarise('W5 wrong anchors', 'count', [wrong]);
  wrongMetric.budget = { limit: 0, stat: 'max', holds: wrong === 0 };
  return [summarise('W5 re-anchor 1,000 annotations after small edits', 'ms', samples, { limit: 200, stat: 'median' }), rate, summarise('W5 orphans per run', 'count', [orphans / runs]), wrongMetric];
}

/** W6: export 10,000 annotations as annotated JSON (built and serialised). */
export async function w6(runs: number): Promise<Metric[]> {
  const text = generateText(6, 400_000);
  const annotations = generateSpans(text, 6, 10_000).map((s) => claim(text, s.start, s.end));
  const article = { id: '0'.repeat(64), title: 'W6', byline: null, siteName: null, publishedTime: null, lang: null, dir: null, url: null, text, blocks: [{ type: 'paragraph' as const, start: 0, end: text.length }], marks: [], source: { path: '/w6.txt', sha256: '0'.repeat(64), format: 'txt' as const }, encoding: null };
  const samples = await time(runs, 3, () => JSON.stringify(toAnnotatedJson(article, annotations, { generator: { name: 'Attest', version: 'bench' }, exported: stamp })));
  return [summarise('W6 export 10,000 annotations to JSON', 'ms', samples, { limit: 200, stat: 'median' })];
}

/** W7: `attest check DIR` from the command line over the pages: milliseconds per page, as the command reports them. */
export function w7(root: string, pagesDir: string, runs: number): Metric[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const out = execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'app', 'cli', 'main.ts'), 'check', pagesDir], { encoding: 'utf8' });
    for (const m of out.matchAll(/^ok\s+\S+\s+(\d+) ms/gm)) samples.push(Number(m[1]));
  }
  return [summarise('W7 import from the command line (attest check), per page', 'ms', samples)];
}
