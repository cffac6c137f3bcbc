import { TextDecoder } from '@exodus/bytes/encoding.js';
import { basename, resolve } from 'node:path';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import { ARTICLE_FORMATS } from '../../core/article.js';
import type { ImportReport } from '../../core/formats/interchange.js';
import { ANNOTATED_ARTICLE_FORMAT, ANNOTATED_LIBRARY_FORMAT } from '../../core/formats/annotated-json.js';
export type { ImportReport } from '../../core/formats/interchange.js';
import { readW3c, w3cSelectors } from '../../core/formats/w3c-read.js';
import { utf16Index } from '../../core/text.js';
import { importAttestExport, requireReadableVersion } from '../importers/attest-json.js';
import { ImportError } from '../importers/errors.js';
import { readBoundedFile, sha256 } from '../importers/index.js';
import { adoptImportedLabels } from '../labels/adopt-labels.js';
import type { ArticleRepository } from '../library/article-repository.js';
import { carryImported } from './carry-imported.js';

/** Reads an import file's bytes as strict UTF-8 JSON; `ImportError` naming the file otherwise. */
async function readJson(path: string): Promise<{ bytes: Uint8Array; json: unknown }> {
  const name = basename(path);
  const bytes = await readBoundedFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('unsupported', `${name}: not UTF-8 (an import is read as strict UTF-8)`);
  }
  try {
    // A byte-order mark is not part of the JSON text.
    return { bytes, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    throw new ImportError('unsupported', `${name}: not JSON (${(error as Error).message})`);
  }
}

function emptyReport(path: string): ImportReport {
  return { file: path, articles: [], imported: 0, anchored: { position: 0, quote: 0, fuzzy: 0 }, orphans: 0, orphaned: [], duplicates: 0, skipped: [], droppedLinks: [], reversedLinks: [], changed: [] };
}

/**
 * Stores `items` in the stored article `articleId` (`carryImported`: ids it holds left out, spans
 * inside a character refused, links checked, W3C links turned round with `reverseLinks`) and adds
 * what it did to `report`.
 */
function merge(repository: ArticleRepository, articleId: string, items: (Annotation | OrphanAnnotation)[], report: ImportReport, reverseLinks = false): void {
  const record = repository.get(articleId)!;
  const before = new Set(record.orphans.map((o) => o.id));
  const { counts, duplicates, refused, droppedLinks, reversedLinks, cutNotes } = carryImported(repository, record, items, reverseLinks);
  for (const o of repository.get(articleId)!.orphans) if (!before.has(o.id)) report.orphaned.push({ id: o.id, reason: o.reason });
  const added = counts.position + counts.quote + counts.fuzzy + counts.orphan;
  report.imported += added;
  report.duplicates += duplicates;
  report.skipped.push(...refused);
  report.droppedLinks.push(...droppedLinks);
  report.reversedLinks.push(...reversedLinks);
  report.changed.push(...cutNotes);
  report.anchored.position += counts.position;
  report.anchored.quote += counts.quote;
  report.anchored.fuzzy += counts.fuzzy;
  report.orphans += counts.orphan;
  if (!report.articles.some((a) => a.id === articleId)) report.articles.push({ id: articleId, title: record.article.title });
}

/**
 * Imports Attest annotated JSON (one article or a library export) into the store. Each article of
 * the file is stored when the store does not hold its id yet (its text from the file, its
 * original `source` kept), and its annotations are anchored by their selectors against the
 * stored text (`reanchor`, as when a changed file is reopened): placed, or kept as orphans.
 */
async function importAttestJson(repository: ArticleRepository, path: string, bytes: Uint8Array, json: { format: string; articles?: unknown; labels?: unknown }, report: ImportReport): Promise<void> {
  const entries = json.format === ANNOTATED_LIBRARY_FORMAT ? (Array.isArray(json.articles) ? json.articles : []) : [json];
  for (const [i, entry] of entries.entries()) {
    const { article: a, annotations } = (entry ?? {}) as { article?: { source?: unknown }; annotations?: unknown };
    // Each entry is read by the same reader as an opened export (zod from unknown, ids kept once),
    // with the library export's label set, which names the labels of every entry.
    const single = json.format === ANNOTATED_ARTICLE_FORMAT;
    const one = single ? bytes : new TextEncoder().encode(JSON.stringify({ format: ANNOTATED_ARTICLE_FORMAT, version: 1, labels: json.labels, article: a, annotations }));
    let read: ReturnType<typeof importAttestExport>;
    try {
      read = importAttestExport({ path, sha256: sha256(one), bytes: one }, sha256);
    } catch (error) {
      if (single) throw error;
      report.skipped.push({ id: `articles[${i}]`, reason: (error as Error).message });
      continue;
    }
    const source = a?.source as { path?: unknown; sha256?: unknown; format?: unknown } | undefined;
    const format = ARTICLE_FORMATS.find((f) => f === source?.format && f !== 'attest-json');
    const original = format && typeof source?.path === 'string' && typeof source.sha256 === 'string' && /^[0-9a-f]{64}$/.test(source.sha256);
    // An export of a file whose bytes this library read (the same SHA-256) goes to the article
    // read here from them: this machine's reading of the file decides its text, and the
    // annotations are anchored in it by their selectors.
    const readHere = original ? repository.articleIdForFile(source.sha256 as string) : null;
    const articleId = readHere && repository.get(readHere) ? readHere : read.article.id;
    if (!repository.get(articleId)) {
      // The article keeps the file it was first read from (the export is only how it travelled),
      // as information: the export's claim about that file never decides what a file here shows.
      repository.put(original ? { ...read.article, source: { path: source.path as string, sha256: source.sha256 as string, format }, encoding: null } : read.article, { readHere: false });
    }
    // The file's labels are matched with the labels here by id and name: a label here with the
    // same id and another name never takes the file's annotations.
    const adopted = adoptImportedLabels(repository.labels, read.items, read.labels);
    report.skipped.push(...adopted.refused);
    report.changed.push(...adopted.changed.filter((c) => !report.changed.some((d) => d.id === c.id)));
    merge(repository, articleId, adopted.records, report);
  }
}

/**
 * Imports a W3C Web Annotation document. Which article each annotation goes to: the stored
 * article its target's `urn:sha256:<article id>` source names (skipped with the reason when the
 * store does not hold that article: its quotes are another text's); a target with another source
 * (no article identity) goes to `fallbackArticleId`, the article given or open; else it is skipped
 * with the reason. Annotations are anchored by their selectors in that article's text.
 */
function importW3c(repository: ArticleRepository, json: unknown, fallbackArticleId: string | null, now: string, report: ImportReport): void {
  const read = readW3c(json, now, repository.labels.all());
  report.skipped.push(...read.skipped);
  const byArticle = new Map<string, (Annotation | OrphanAnnotation)[]>();
  // Code point positions are converted through one index per article text (built when first
  // needed; it holds where the text's surrogate pairs are, nothing for a text without them).
  const indexes = new Map<string, (codePoint: number) => number>();
  const indexOf = (articleId: string, text: string) => {
    let index = indexes.get(articleId);
    if (!index) indexes.set(articleId, (index = utf16Index(text)));
    return index;
  };
  // Each item's article first, so that only the labels of items stored are adopted.
  const placed = read.items.flatMap((item) => {
    // A target naming an article is that article's: never the open one's, where its quotes were never.
    const record = item.articleId ? repository.get(item.articleId) : fallbackArticleId ? repository.get(fallbackArticleId) : null;
    if (record) return [{ ...item, record }];
    report.skipped.push({ id: item.id, reason: item.articleId ? `its target is another article (urn:sha256:${item.articleId}), not in the library` : 'the target names no article of the library (name the article to import into)' });
    return [];
  });
  // Labels named by a label IRI come with the name of the tagging body beside it (`read.labels`).
  const adopted = adoptImportedLabels(repository.labels, placed, read.labels);
  report.skipped.push(...adopted.refused);
  report.changed.push(...adopted.changed);
  for (const { record, ...item } of adopted.records) {
    const { id: articleId, text } = record.article;
    const selectors = w3cSelectors(text, item, (codePoint) => indexOf(articleId, text)(codePoint));
    if (!selectors) {
      report.skipped.push({ id: item.id, reason: 'its selectors give no text' });
      continue;
    }
    const base = { id: item.id, type: item.type, note: item.note, links: item.links, created: item.created, modified: item.modified };
    const list = byArticle.get(articleId) ?? [];
    list.push(selectors.position ? { ...base, target: { position: selectors.position, quote: selectors.quote } } : { ...base, target: selectors, reason: 'imported without a position' });
    byArticle.set(articleId, list);
  }
  for (const [articleId, items] of byArticle) merge(repository, articleId, items, report, true);
}

/**
 * Imports the annotations of `path` into the store through `repository` (which writes the files):
 * an Attest annotated-JSON export (`attest.annotated-article` or `attest.annotated-library`) or a
 * W3C Web Annotation document (JSON-LD: a collection, a page, an annotation or an array of them).
 * The file is read as strict UTF-8 (a BOM is allowed). Ids the article already holds are left out
 * (counted as duplicates), so importing twice adds nothing. `options.articleId` names the article
 * W3C annotations go to when their target does not name a stored one. Returns the report; throws
 * `ImportError` naming the file when it cannot be read or is neither format.
 */
export async function importAnnotations(repository: ArticleRepository, path: string, options: { articleId?: string | null; now?: string } = {}): Promise<ImportReport> {
  const absolute = resolve(path);
  const { bytes, json } = await readJson(absolute);
  const report = emptyReport(absolute);
  const format = (json as { format?: unknown } | null)?.format;
  if (format === ANNOTATED_ARTICLE_FORMAT || format === ANNOTATED_LIBRARY_FORMAT) {
    requireReadableVersion(basename(absolute), json);
    await importAttestJson(repository, absolute, bytes, json as { format: string }, report);
  } else if (Array.isArray(json) && json.length === 0) {
    // An empty list of W3C annotations: nothing to import, said so by the report.
  } else if (looksLikeW3c(json)) {
    importW3c(repository, json, options.articleId ?? null, options.now ?? new Date().toISOString(), report);
  } else {
    throw new ImportError('unsupported', `${basename(absolute)}: neither an Attest export nor W3C Web Annotation JSON`);
  }
  return report;
}

/** Whether `json` is W3C Web Annotation data: its `type` (or its items' types) name the model's classes. */
function looksLikeW3c(json: unknown): boolean {
  const types = (x: unknown): unknown[] => (x && typeof x === 'object' ? [(x as { type?: unknown }).type].flat() : []);
  const items = Array.isArray(json) ? json : [json];
  return items.some((x) => types(x).some((t) => t === 'AnnotationCollection' || t === 'AnnotationPage' || t === 'Annotation'));
}
