import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../app/core/anchoring/describe.js';
import { anchorExactly } from '../app/core/anchoring/anchor.js';
import { reanchor } from '../app/core/anchoring/reanchor.js';
import type { Annotation } from '../app/core/annotation.js';
import { toBrat } from '../app/core/formats/brat-standoff.js';
import { codePointIndex } from '../app/core/text.js';
import { exportText } from '../app/main/exporters/export-records.js';
import { importFile } from '../app/main/importers/index.js';
import { importAnnotations } from '../app/main/interchange/import-annotations.js';
import { openArticle } from '../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../app/main/library/article-repository.js';
import { confStoreFactory } from '../app/main/store/conf-store.js';
import { workload } from '../test/support/edit-workload.js';
import { bulkStoreFactory } from './bulk-store.js';
import { generateSpans, generateText } from './generate.js';
import { summarise, time, type Metric } from './stats.js';

const stamp = '2026-01-01T00:00:00.000Z';
/** The labels W6 gives a span drawn once, twice, three times (no span is drawn more often). */
const SPAN_TYPES = ['claim', 'quote', 'source'] as const;

const claim = (text: string, start: number, end: number): Annotation => ({ id: randomUUID(), type: 'claim', target: describe(text, start, end), note: '', links: [], created: stamp, modified: stamp });

/**
 * A data directory of `articles` articles (text files of about 600 characters, each imported by
 * the app's importer and stored by `ArticleRepository`), written at once through
 * `bulkStoreFactory` and then flushed to disk (`sync`), so that timed saves do not wait for the
 * setup's writes. Returns the id of the last article.
 */
async function library(dir: string, articles: number): Promise<string> {
  const bulk = bulkStoreFactory();
  const builder = new ArticleRepository(dir, bulk.factory);
  let last = '';
  for (let i = 0; i < articles; i++) {
    const path = join(dir, `a${i}.txt`);
    writeFileSync(path, `Article ${i}. ${generateText(i, 600)}`);
    const article = await importFile(path);
    builder.put(article);
    last = article.id;
  }
  builder.flush();
  bulk.finish();
  if (process.platform !== 'win32') execFileSync('sync');
  return last;
}

/**
 * W4: one change saved with each of `sizes` articles in the library: main-thread time of the save
 * (`addAnnotation` and `flush`), and change to disk. The libraries are built first (`library`),
 * then the timed saves alternate between them, so that every size is timed under the same machine
 * load and the same state of the JIT (timed one after the other, the first size also paid for
 * code not yet optimised and for disk writes still under way).
 */
export async function w4(dirFor: (articles: number) => string, sizes: readonly number[], runs: number): Promise<Metric[]> {
  const libraries = [];
  for (const articles of sizes) {
    const dir = dirFor(articles);
    const target = await library(dir, articles);
    // The app's repository over the directory built above, as the app opens it.
    const repository = new ArticleRepository(dir, confStoreFactory, 250);
    const record = repository.get(target);
    if (!record || repository.articleIdForPath(join(dir, 'a0.txt')) === null) throw new Error(`W4: ${dir} does not read back as a library of ${articles} articles`);
    libraries.push({ articles, repository, target, text: record.article.text, store: join(dir, 'articles', `${target}.json`), save: [] as number[], toDisk: [] as number[] });
  }
  for (let run = -3; run < runs; run++) {
    for (const l of libraries) {
      const started = performance.now();
      l.repository.addAnnotation(l.target, claim(l.text, 0, 7));
      // What the batch timer does after a change: the record is small, so it is written now.
      l.repository.checkpoint();
      if (run >= 0) l.save.push(performance.now() - started);
    }
  }
  for (let run = 0; run < runs; run++) {
    for (const l of libraries) {
      const a = claim(l.text, 0, 7);
      const started = performance.now();
      l.repository.addAnnotation(l.target, a);
      while (!readFileSync(l.store, 'utf8').includes(a.id)) await new Promise((r) => setTimeout(r, 5));
      l.toDisk.push(performance.now() - started);
    }
  }
  return [
    ...libraries.flatMap((l) => [
      summarise(`W4 save one change, ${l.articles} articles: main-thread time`, 'ms', l.save, { limit: 2, stat: 'median' }),
      summarise(`W4 save one change, ${l.articles} articles: change to on disk (250 ms batching)`, 'ms', l.toDisk),
    ]),
    ...(await largeRecordSaves(dirFor(0), runs)),
  ];
}

/**
 * W4 on W3's record (400,000 characters, 5,000 annotations: about 3 MB): `saves` changes in turn
 * (a tag, then its delete, so the record keeps its size), each followed by the batch timer's
 * `checkpoint()`, which rewrites the record only once its journal has grown to an eighth of it:
 * main-thread time per save, the rewrites included, as the mean over all the saves (the budget's
 * measure) and each save's own (the max is a save whose checkpoint rewrote the record); and the
 * record's write on its own (`flush`), which the checkpoints spread over hundreds of changes.
 */
async function largeRecordSaves(dir: string, runs: number, saves = 3000): Promise<Metric[]> {
  const path = join(dir, 'w3.txt');
  writeFileSync(path, generateText(3, 400_000));
  const article = await importFile(path);
  const builder = new ArticleRepository(dir, confStoreFactory, 1e9);
  builder.put(article);
  builder.adopt(article.id, { annotations: generateSpans(article.text, 3, 5000).map((s) => claim(article.text, s.start, s.end)), orphans: [] });
  builder.flush();
  const repository = new ArticleRepository(dir, confStoreFactory, 1e9);
  if (repository.get(article.id)?.annotations.length !== 5000) throw new Error('W4: the 5,000-annotation record does not read back');
  const each: number[] = [];
  for (let i = 0; i < saves; i++) {
    const started = performance.now();
    if (i % 2 === 0) repository.addAnnotation(article.id, claim(article.text, 100, 107));
    else repository.applyChanges(article.id, [{ before: repository.get(article.id)!.annotations.at(-1)!, after: null }]);
    repository.checkpoint();
    each.push(performance.now() - started);
  }
  const mean = each.reduce((sum, ms) => sum + ms, 0) / saves;
  const rewrites = await time(runs, 2, () => {
    repository.addAnnotation(article.id, claim(article.text, 100, 107));
    repository.flush();
  });
  return [
    summarise(`W4 save one change, 5,000-annotation record: main-thread time, mean of ${saves} saves with their checkpoints`, 'ms', [mean], { limit: 2, stat: 'median' }),
    summarise('W4 save one change, 5,000-annotation record: main-thread time of each save', 'ms', each),
    summarise('W4 rewrite of the 5,000-annotation record (what each save cost before checkpoints)', 'ms', rewrites),
  ];
}

/**
 * W5: re-anchor 1,000 annotations after small edits: time, and how they were placed (0 wrong is the
 * budget). Half of the edits fall inside a span by design (`edit-workload.ts`), so some spans' own
 * text changed and no anchor can be exact for them: the exact rate is budgeted over the spans no
 * edit fell inside, and shown over all spans beside the share of edited spans.
 */
export async function w5(runs: number): Promise<Metric[]> {
  const samples: number[] = [];
  const n = { total: 0, exact: 0, edited: 0, untouched: 0, untouchedExact: 0, editedPlaced: 0, orphans: 0, wrong: 0 };
  for (let seed = 1; seed <= runs + 2; seed++) {
    const { after, spans, annotations } = workload(seed, { paragraphs: 400, annotations: 1000, edits: 100 });
    const started = performance.now();
    const result = reanchor(after, annotations);
    if (seed <= 2) continue;
    samples.push(performance.now() - started);
    const intended = new Map(spans.map((s) => [s.id, s]));
    n.total += annotations.length;
    n.exact += result.counts.position + result.counts.quote;
    n.orphans += result.counts.orphan;
    n.edited += spans.filter((s) => s.edited).length;
    n.untouched += spans.filter((s) => !s.edited).length;
    for (const a of result.annotations) {
      const span = intended.get(a.id)!;
      if (a.target.position.start !== span.start || a.target.position.end !== span.end) n.wrong++;
      else if (span.edited) n.editedPlaced++;
    }
    // Whether the exact steps place a span does not depend on where they search first.
    n.untouchedExact += annotations.filter((a, i) => !spans[i].edited && anchorExactly(after, a.target).status === 'anchored').length;
  }
  const percent = (name: string, part: number, whole: number) => summarise(name, '%', [(100 * part) / whole]);
  const rate = percent('W5 exact anchors (position or exact quote), spans no edit fell inside', n.untouchedExact, n.untouched);
  rate.budget = { limit: 95, stat: 'median', holds: rate.median >= 95, atLeast: true };
  const wrongMetric = summarise('W5 wrong anchors', 'count', [n.wrong]);
  wrongMetric.budget = { limit: 0, stat: 'max', holds: n.wrong === 0 };
  return [
    summarise('W5 re-anchor 1,000 annotations after small edits', 'ms', samples, { limit: 200, stat: 'median' }),
    rate,
    percent('W5 spans an edit fell inside (their text changed)', n.edited, n.total),
    percent('W5 exact anchors (position or exact quote), all spans', n.exact, n.total),
    percent('W5 edited spans placed at their moved range (fuzzy)', n.editedPlaced, n.edited),
    summarise('W5 orphans per run', 'count', [n.orphans / runs]),
    wrongMetric,
  ];
}

/**
 * W6: 10,000 annotations over a 400,000-character text exported to each format, built and
 * serialised as the export writes it (annotated JSON, W3C JSON-LD, CSV; brat's .txt and .ann);
 * and the same spans imported from a W3C file whose TextPositionSelectors count code points (no
 * Attest terms; the text starts with an emoji, so each is converted), each run into a new data
 * directory from `dirFor`, with the store files written.
 */
export async function w6(runs: number, dirFor: () => string): Promise<Metric[]> {
  const text = `😀 ${generateText(6, 400_000)}`;
  const spans = generateSpans(text, 6, 10_000);
  // The app holds one annotation of a label per span (an import makes a second an orphan): a span
  // the generator draws again gets the next label.
  const drawn = new Map<string, number>();
  const types = spans.map((s) => {
    const n = drawn.get(`${s.start}:${s.end}`) ?? 0;
    drawn.set(`${s.start}:${s.end}`, n + 1);
    if (n >= SPAN_TYPES.length) throw new Error(`W6: the span [${s.start}, ${s.end}) is drawn more than ${SPAN_TYPES.length} times`);
    return SPAN_TYPES[n];
  });
  const annotations = spans.map((s, i) => ({ ...claim(text, s.start, s.end), type: types[i] }));
  const article = { id: '0'.repeat(64), title: 'W6', byline: null, siteName: null, publishedTime: null, lang: null, dir: null, url: null, text, blocks: [{ type: 'paragraph' as const, start: 0, end: text.length }], marks: [], source: { path: '/w6.txt', sha256: '0'.repeat(64), format: 'txt' as const }, encoding: null };
  const meta = { generator: { name: 'Attest', version: 'bench' }, exported: stamp };
  const record = { article, annotations, orphans: [] };
  const json = await time(runs, 3, () => exportText([record], 'json', meta));
  const w3c = await time(runs, 3, () => exportText([record], 'w3c', meta));
  const csv = await time(runs, 3, () => exportText([record], 'csv', meta));
  const brat = await time(runs, 3, () => toBrat(article, annotations));

  const source = join(dirFor(), 'w6.txt');
  writeFileSync(source, text);
  const toCodePoints = codePointIndex(text);
  const items = spans.map((s, i) => ({
    type: 'Annotation',
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    body: { type: 'TextualBody', purpose: 'tagging', value: types[i] },
    target: { source: 'urn:sha256:' + '0'.repeat(64), selector: { type: 'TextPositionSelector', start: toCodePoints(s.start), end: toCodePoints(s.end) } },
  }));
  // Timed from the file on disk to the store files written; the article is opened before the clock starts.
  const load: number[] = [];
  let imported = 0;
  for (let run = 0; run < Math.max(3, Math.round(runs / 4)) + 1; run++) {
    const repository = new ArticleRepository(dirFor(), confStoreFactory, 10);
    const { article: stored } = await openArticle(repository, source);
    const file = join(dirFor(), 'w6.jsonld');
    writeFileSync(file, JSON.stringify(items.map((item) => ({ ...item, target: { ...item.target, source: `urn:sha256:${stored.id}` } }))));
    const started = performance.now();
    imported = (await importAnnotations(repository, file)).imported;
    repository.flush();
    if (run > 0) load.push(performance.now() - started);
    // Each annotation is stored at its span (UTF-16), its quote the text there.
    const byId = new Map(repository.get(stored.id)!.annotations.map((a) => [a.id, a.target]));
    const misplaced = spans.filter((span, i) => {
      const target = byId.get(items[i].id.slice('urn:uuid:'.length));
      return !target || target.position.start !== span.start || target.position.end !== span.end || text.slice(span.start, span.end) !== target.quote.exact;
    });
    if (misplaced.length > 0) throw new Error(`W6: ${misplaced.length} of ${items.length} W3C annotations not stored at their span`);
  }
  if (imported !== items.length) throw new Error(`W6: ${imported} of ${items.length} W3C annotations imported`);
  return [
    summarise('W6 export 10,000 annotations to JSON', 'ms', json, { limit: 200, stat: 'median' }),
    summarise('W6 export 10,000 annotations to W3C JSON-LD', 'ms', w3c),
    summarise('W6 export 10,000 annotations to CSV', 'ms', csv),
    summarise('W6 export 10,000 annotations to brat standoff', 'ms', brat),
    summarise('W6 import 10,000 W3C annotations with code-point positions, stored', 'ms', load),
  ];
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
