import type { Annotation, AnnotationLink, OrphanAnnotation } from '../annotation.js';
import { compareByPosition } from '../annotation.js';
import type { Article, ArticleFormat } from '../article.js';
import { codePointIndex, isInsideSurrogatePair } from '../text.js';
import { DEFAULT_EXPORT_LABELS, type ExportLabel } from './labels.js';
import type { ExportRecord } from './interchange.js';

/** The `format` value of an annotated-article export. */
export const ANNOTATED_ARTICLE_FORMAT = 'attest.annotated-article';

/** The `format` value of a library export: many articles in one file. */
export const ANNOTATED_LIBRARY_FORMAT = 'attest.annotated-library';

/** Who wrote an export and when: `exported` is an ISO 8601 UTC time; `labels` default to the built-in set. */
export interface ExportMeta {
  generator: { name: string; version: string };
  exported: string;
  labels?: readonly ExportLabel[];
}

/** What every exported annotation has, placed or orphan. */
interface ExportedAnnotationBase {
  id: string;
  /** The label id (see `labels`); an opaque string to readers. */
  type: string;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  /** Attribution: `{ type: "attributedTo", target: <annotation id> }`, to annotations of this export. */
  links: AnnotationLink[];
  created: string;
  modified: string;
}

/**
 * One exported annotation placed in `article.text`: `start`/`end` count UTF-16 code units,
 * `*CodePoint` Unicode code points, and `text.slice(start, end) === exact`.
 */
export interface ExportedAnchoredAnnotation extends ExportedAnnotationBase {
  orphan: false;
  start: number;
  end: number;
  startCodePoint: number;
  endCodePoint: number;
}

/**
 * One exported orphan: an annotation that could not be placed in `article.text` after the text
 * changed. No offsets (none would count in this text); `exact`/`prefix`/`suffix` are its last
 * quote, from the text it was last placed in.
 */
export interface ExportedOrphanAnnotation extends ExportedAnnotationBase {
  orphan: true;
}

/** One exported annotation: placed (with offsets) or orphan (without). */
export type ExportedAnnotation = ExportedAnchoredAnnotation | ExportedOrphanAnnotation;

/**
 * Annotated JSON, version 1: an article with its canonical text and annotations.
 * Documented by `annotated-article.schema.json` (JSON Schema 2020-12) beside this file.
 */
export interface AnnotatedArticleV1 extends AnnotatedEntry {
  format: typeof ANNOTATED_ARTICLE_FORMAT;
  version: 1;
  generator: { name: string; version: string };
  exported: string;
  /** The label set the annotations' `type`s name (absent in exports written before it). */
  labels?: ExportLabel[];
}

/**
 * A library export, version 1: many articles, each in the per-article shape of
 * `AnnotatedArticleV1` (`article` + `annotations`). Documented by `annotated-library.schema.json`.
 */
export interface AnnotatedLibraryV1 {
  format: typeof ANNOTATED_LIBRARY_FORMAT;
  version: 1;
  generator: { name: string; version: string };
  exported: string;
  labels: ExportLabel[];
  articles: AnnotatedEntry[];
}

/** One article of an export with its annotations (placed sorted by position, then orphans). */
export interface AnnotatedEntry {
  article: {
    id: string;
    title: string;
    byline: string | null;
    siteName: string | null;
    publishedTime: string | null;
    lang: string | null;
    dir: 'ltr' | 'rtl' | null;
    /** The page's original address when the file records it (see `ArticleMetadata.url`). */
    url: string | null;
    source: { path: string; sha256: string; format: ArticleFormat };
    text: string;
  };
  annotations: ExportedAnnotation[];
}

/** What both export shapes start with after `format`: version 1, who wrote it and when, and the label set (the built-ins by default). */
function exportHeader(meta: ExportMeta): { version: 1; generator: ExportMeta['generator']; exported: string; labels: ExportLabel[] } {
  return { version: 1, generator: meta.generator, exported: meta.exported, labels: (meta.labels ?? DEFAULT_EXPORT_LABELS).map((l) => ({ ...l })) };
}

/**
 * Builds the annotated JSON export of `article` and its `annotations`, sorted by position, then
 * its `orphans` (flagged `orphan: true`, without offsets) in their stored order.
 * `exported` is an ISO 8601 time. Throws `RangeError` naming the article (title and id) and the
 * annotation if an annotation's offsets do not hold `exact` in the article's text, or start or
 * end inside a character (half a surrogate pair): a broken invariant is never written out.
 */
export function toAnnotatedJson(
  article: Article,
  annotations: readonly Annotation[],
  meta: ExportMeta,
  orphans: readonly OrphanAnnotation[] = [],
): AnnotatedArticleV1 {
  return { format: ANNOTATED_ARTICLE_FORMAT, ...exportHeader(meta), ...toAnnotatedEntry(article, annotations, orphans) };
}

/**
 * Builds the library export of `records` (in the given order), each entry as `toAnnotatedJson`
 * builds one article. Same errors.
 */
export function toAnnotatedLibrary(
  records: readonly ExportRecord[],
  meta: ExportMeta,
): AnnotatedLibraryV1 {
  return { format: ANNOTATED_LIBRARY_FORMAT, ...exportHeader(meta), articles: records.map((r) => toAnnotatedEntry(r.article, r.annotations, r.orphans)) };
}

/** One article and its annotations in the export shape (see `toAnnotatedJson`). */
export function toAnnotatedEntry(article: Article, annotations: readonly Annotation[], orphans: readonly OrphanAnnotation[] = []): AnnotatedEntry {
  const cp = codePointIndex(article.text);
  const placed = [...annotations].sort(compareByPosition).map((a): ExportedAnnotation => {
    const { start, end } = a.target.position;
    const { exact, prefix, suffix } = a.target.quote;
    const where = `"${article.title}" (article ${article.id}), annotation ${a.id}`;
    if (article.text.slice(start, end) !== exact) {
      throw new RangeError(`${where}: [${start}, ${end}) does not hold its quote`);
    }
    for (const [name, offset] of [['start', start], ['end', end]] as const) {
      if (isInsideSurrogatePair(article.text, offset)) {
        throw new RangeError(`${where}: its ${name}, UTF-16 offset ${offset}, falls inside a character (between the two halves of a surrogate pair); delete the annotation in Attest and tag the span again`);
      }
    }
    return {
      id: a.id,
      type: a.type,
      orphan: false,
      start,
      end,
      startCodePoint: cp(start),
      endCodePoint: cp(end),
      exact,
      prefix,
      suffix,
      note: a.note,
      links: a.links,
      created: a.created,
      modified: a.modified,
    };
  });
  const lost = orphans.map((a): ExportedAnnotation => {
    const { exact, prefix, suffix } = a.target.quote;
    return { id: a.id, type: a.type, orphan: true, exact, prefix, suffix, note: a.note, links: a.links, created: a.created, modified: a.modified };
  });
  const { id, title, byline, siteName, publishedTime, lang, dir, url, source, text } = article;
  return {
    article: { id, title, byline, siteName, publishedTime, lang, dir, url, source: { ...source }, text },
    annotations: [...placed, ...lost],
  };
}
