// `npm run bench`: the workloads of bench/README.md in plain Node and in Chromium (the e2e
// harness: the built renderer with the real handlers), side by side with Recogito's text
// annotator; prints a table and writes bench/results/latest.json. Options: --runs N (default 20),
// --pages DIR (W1/W7 pages; default test/fixtures), --quick (fewer runs, for a smoke test),
// --only W2,W3 (just those workloads, written to bench/results/only.tmp.json; to work on one).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isArticleFile } from '../app/main/importers/index.js';
import { tempRoot } from '../test/support/temp.js';
import { buildRecogitoPage, openWorkload, recogitoWorkload, startHarness, unthrottledWorkload, w1 } from './browser-workloads.js';
import { w4, w5, w6, w7 } from './node-workloads.js';
import { summarise, table, type Metric } from './stats.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const runs = Number(option('--runs') ?? (quick ? 3 : 20));
const pagesDir = resolve(option('--pages') ?? join(root, 'test', 'fixtures'));
const only = option('--only')?.split(',');
const wanted = (name: string) => !only || only.includes(name);
const pages = readdirSync(pagesDir).filter((f) => isArticleFile(f) && /\.(html?|xhtml)$/.test(f)).map((f) => join(pagesDir, f));
const temp = tempRoot('bench');
const metrics: Metric[] = [];
const began = performance.now();
const step = (name: string) => process.stderr.write(`bench: ${name} (at ${Math.round((performance.now() - began) / 1000)} s)\n`);

if (wanted('W4')) {
  step('W4 (100 and 10,000 articles)');
  metrics.push(...(await w4((articles) => temp.dir(`w4-${articles}`), quick ? [100, 1000] : [100, 10_000], runs)));
}
if (wanted('W5')) {
  step('W5');
  metrics.push(...(await w5(runs)));
}
if (wanted('W6')) {
  step('W6');
  metrics.push(...(await w6(runs, () => temp.dir('w6'))));
}
if (wanted('W7')) {
  step('W7');
  metrics.push(...w7(root, pagesDir, Math.max(3, Math.round(runs / 4))));
}

const harness = await startHarness(root);
try {
  if (wanted('W1')) {
    step(`W1 (${pages.length} pages)`);
    metrics.push(...(await w1(harness, pages, () => temp.dir('w1'), runs)));
  }
  const recogito = await buildRecogitoPage(root, temp.dir('recogito'));
  for (const [label, chars, count, budget] of [['W2', 100_000, 1_000, 300], ['W3', 400_000, 5_000, 500]] as const) {
    if (!wanted(label)) continue;
    step(label);
    const attest = await openWorkload(harness, label, temp.dir(label), chars, count, runs, { open: budget });
    metrics.push(...attest.metrics);
    step(`${label} Recogito`);
    const other = await recogitoWorkload(harness, recogito, label, attest.text, chars, count, runs);
    metrics.push(...other.metrics);
    // Medians as the table gives them (stats.ts), pair by pair: received to painted, and adding one
    // (to its painted highlight: Recogito has no panel).
    const median = (suffix: string) => attest.metrics.find((m) => m.name.endsWith(suffix))!.median;
    const [received, added] = [median('article received to painted highlights'), median('add one annotation, key to painted highlight')];
    const [drawn, addedThere] = [other.metrics[0].median, other.metrics[1].median];
    metrics.push(
      summarise(`${label} Attest ÷ Recogito, first paint with highlights`, 'ratio', [received / drawn], { limit: 0.5, stat: 'median' }),
      summarise(`${label} Attest ÷ Recogito, add one annotation`, 'ratio', [added / addedThere]),
    );
  }
} finally {
  await harness.browser.close();
}
if (wanted('W3')) {
  // The add without the frame clock's wait: what Attest's own work takes (a diagnostic, no budget).
  step('W3, frames unthrottled');
  const unthrottled = await startHarness(root, 'unthrottled');
  try {
    metrics.push(...(await unthrottledWorkload(unthrottled, temp.dir('W3u'), 400_000, 5_000, runs * 3)));
  } finally {
    await unthrottled.browser.close();
  }
}

step('done');
process.stdout.write(`${table(metrics)}\n`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', only ? 'only.tmp.json' : quick ? 'quick.tmp.json' : 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, metrics }, null, 2)}\n`);
