import Ajv2020 from 'ajv/dist/2020.js';
import schema from '../../app/core/formats/annotated-article.schema.json' with { type: 'json' };
import librarySchema from '../../app/core/formats/annotated-library.schema.json' with { type: 'json' };
import type { AnnotatedArticleV1, AnnotatedEntry, AnnotatedLibraryV1 } from '../../app/core/formats/annotated-json.js';
import { codePointOffset } from '../../app/core/text.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
const validate = ajv.compile(schema);
const validateLibrary = ajv.compile(librarySchema);


/**
 * The problems of an annotated JSON export (one article, or a library export), for any test runner to assert empty: JSON Schema
 * errors (the schema in the repo), and for every span `text.slice(start, end) !== exact`,
 * code-point offsets that disagree with the UTF-16 ones, and context that is not beside it
 * (orphans excepted: they have no offsets).
 */
export function exportProblems(json: unknown): string[] {
  if ((json as { format?: string }).format === 'attest.annotated-library') {
    if (!validateLibrary(json)) return (validateLibrary.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`);
    const library = json as unknown as AnnotatedLibraryV1;
    return library.articles.flatMap((entry, i) => entryProblems(entry, library.labels).map((p) => `articles[${i}]: ${p}`));
  }
  if (!validate(json)) return (validate.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`);
  return entryProblems(json as unknown as AnnotatedArticleV1, (json as unknown as AnnotatedArticleV1).labels);
}

/** The offset and context problems of one article entry (see `exportProblems`). */
function entryProblems({ article, annotations }: AnnotatedEntry, labels: { id: string }[] | undefined): string[] {
  const text = article.text;
  const problems: string[] = [];
  for (const a of annotations) {
    if (labels && !labels.some((l) => l.id === a.type)) problems.push(`${a.id}: type ${a.type} is not one of the labels`);
    // An orphan has no offsets in this text (the schema checks that it has none).
    if (a.orphan) continue;
    if (text.slice(a.start, a.end) !== a.exact) problems.push(`${a.id}: text.slice(${a.start}, ${a.end}) !== exact`);
    try {
      if (codePointOffset(text, a.start) !== a.startCodePoint || codePointOffset(text, a.end) !== a.endCodePoint) problems.push(`${a.id}: code-point offsets disagree`);
    } catch (error) {
      problems.push(`${a.id}: ${(error as Error).message}`);
    }
    if (Array.from(text).slice(a.startCodePoint, a.endCodePoint).join('') !== a.exact) problems.push(`${a.id}: code-point slice !== exact`);
    if (!text.slice(0, a.start).endsWith(a.prefix)) problems.push(`${a.id}: prefix is not before the span`);
    if (!text.slice(a.end).startsWith(a.suffix)) problems.push(`${a.id}: suffix is not after the span`);
  }
  return problems;
}
