import type { Annotation } from '../annotation.js';
import { toAnnotatedEntry, type ExportMeta } from './annotated-json.js';
import { DEFAULT_EXPORT_LABELS, labelName } from './labels.js';
import type { ExportRecord } from './interchange.js';

/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/, JSON-LD per
 * https://www.w3.org/TR/annotation-vocab/): an `AnnotationCollection` whose one `AnnotationPage`
 * holds, per annotation, an `Annotation` with motivation `classifying`, a body naming the label
 * (`SpecificResource`, purpose `classifying`, and a `TextualBody`, purpose `tagging`, for
 * Hypothesis and Recogito), the note as a `TextualBody` with purpose `commenting`, and a target
 * whose `source` is `urn:sha256:<article id>` (the SHA-256 of the canonical text's UTF-8) with a
 * `TextQuoteSelector` and a `TextPositionSelector` counted in **code points** (as the model
 * says), plus the UTF-16 offsets as `startUtf16`/`endUtf16`, terms of Attest's own context. An
 * orphan has no `TextPositionSelector` and is flagged `orphan: true`. Attribution is an
 * `Annotation` with motivation `linking` whose targets are the quote's and the source's ids.
 * The `@context` is the W3C context URL followed by Attest's terms inline: nothing is fetched.
 */

/** The W3C Web Annotation JSON-LD context. */
export const W3C_ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Attest's namespace for its extension terms and label IRIs. */
export const ATTEST_NAMESPACE = 'https://attest.invalid/ns#';

/** Attest's extension terms, written inline after the W3C context. */
export const ATTEST_CONTEXT = {
  attest: ATTEST_NAMESPACE,
  startUtf16: { '@id': 'attest:startUtf16', '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' },
  endUtf16: { '@id': 'attest:endUtf16', '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' },
  orphan: { '@id': 'attest:orphan', '@type': 'http://www.w3.org/2001/XMLSchema#boolean' },
  title: { '@id': 'attest:title' },
} as const;

/** The IRI of label `id`: `https://attest.invalid/labels/<id>`. */
export function labelIri(id: string): string {
  return `https://attest.invalid/labels/${encodeURIComponent(id)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The IRI of an annotation id: `urn:uuid:<id>` for a UUID, else `urn:attest:annotation:<id>`. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `urn:attest:annotation:${encodeURIComponent(id)}`;
}

/** The annotation id an IRI names (inverse of `annotationIri`; any other IRI is its own id). */
export function annotationIdOf(iri: string): string {
  if (iri.startsWith('urn:uuid:')) return iri.slice('urn:uuid:'.length);
  if (iri.startsWith('urn:attest:annotation:')) return decodedOrNull(iri.slice('urn:attest:annotation:'.length)) ?? iri;
  return iri;
}

/** `decodeURIComponent(text)`, or null for a malformed escape (an IRI from another tool's file). */
export function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A W3C Web Annotation document as written by `toW3cCollection` (JSON-LD, plain data). */
export type W3cCollection = Record<string, unknown>;

/**
 * Builds the W3C `AnnotationCollection` of `records` (one article, or the library): placed
 * annotations in position order, then orphans, per article in the given order, then the linking
 * annotations. `meta.exported` is written as `generated`. Throws `RangeError` as `toAnnotatedJson`.
 */
export function toW3cCollection(
  records: readonly ExportRecord[],
  meta: ExportMeta,
): W3cCollection {
  const labels = meta.labels ?? DEFAULT_EXPORT_LABELS;
  const items: Record<string, unknown>[] = [];
  const linking: Record<string, unknown>[] = [];
  for (const record of records) {
    const { article, annotations } = toAnnotatedEntry(record.article, record.annotations, record.orphans);
    const source = `urn:sha256:${article.id}`;
    for (const a of annotations) {
      const quote = { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix };
      const selector = a.orphan
        ? [quote]
        : [quote, { type: 'TextPositionSelector', start: a.startCodePoint, end: a.endCodePoint, startUtf16: a.start, endUtf16: a.end }];
      const body: Record<string, unknown>[] = [
        { type: 'SpecificResource', purpose: 'classifying', source: labelIri(a.type) },
        { type: 'TextualBody', purpose: 'tagging', value: labelName(labels, a.type) },
      ];
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
      items.push({
        id: annotationIri(a.id),
        type: 'Annotation',
        motivation: 'classifying',
        created: a.created,
        modified: a.modified,
        ...(a.orphan ? { orphan: true } : {}),
        body,
        target: { source, title: article.title, selector },
      });
      for (const link of a.links) {
        linking.push({
          id: `urn:attest:link:${encodeURIComponent(a.id)}:attributedTo:${encodeURIComponent(link.target)}`,
          type: 'Annotation',
          motivation: 'linking',
          created: a.modified,
          body: { type: 'TextualBody', purpose: 'tagging', value: 'attributedTo' },
          target: [annotationIri(a.id), annotationIri(link.target)],
        });
      }
    }
  }
  const all = [...items, ...linking];
  const id = records.length === 1 ? `urn:attest:collection:${records[0].article.id}` : 'urn:attest:collection:library';
  return {
    '@context': [W3C_ANNO_CONTEXT, ATTEST_CONTEXT],
    id,
    type: 'AnnotationCollection',
    label: records.length === 1 ? records[0].article.title : 'Attest library',
    generator: { type: 'Software', name: meta.generator.name, 'attest:version': meta.generator.version },
    generated: meta.exported,
    total: all.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: all },
  };
}
