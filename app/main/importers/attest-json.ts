import { TextDecoder } from '@exodus/bytes/encoding.js';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import { BLOCK_SEPARATOR, type Article, type Block } from '../../core/article.js';
import { inferDirection } from '../../core/direction.js';
import { ANNOTATED_ARTICLE_FORMAT, ANNOTATED_LIBRARY_FORMAT } from '../../core/formats/annotated-json.js';
import type { ExportLabel } from '../../core/formats/labels.js';
import { AnnotationSchema, AnnotationTypeSchema, ArticleSchema } from '../../core/schemas.js';
import { ImportError } from './errors.js';

/**
 * What Attest reads back from its own annotated JSON (version 1, see
 * `core/formats/annotated-article.schema.json`), validated from `unknown`. Lenient where reading
 * loses nothing: unknown source formats and annotations without `orphan` (older exports) pass.
 */
const AttestExportSchema = z.object({
  format: z.literal(ANNOTATED_ARTICLE_FORMAT),
  version: z.literal(1),
  article: ArticleSchema.pick({ title: true, byline: true, siteName: true, publishedTime: true, lang: true, dir: true }).extend({ text: z.string().min(1), url: z.string().nullable().optional() }),
  // The export's label set (absent in early version 1 exports): names and colours for labels this machine lacks.
  labels: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string() })).max(1000).optional(),
  annotations: z.array(
    z.object({
      id: z.string().min(1).max(100),
      type: AnnotationTypeSchema,
      orphan: z.boolean().optional(),
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().nonnegative().optional(),
      exact: z.string().min(1),
      prefix: z.string(),
      suffix: z.string(),
      note: z.string(),
      links: AnnotationSchema.shape.links,
      created: z.string(),
      modified: z.string(),
    }),
  ),
});

/** Blocks of a canonical text rebuilt from its separators: every run between two-LF separators is a paragraph. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  // A separator is the last two LFs of a run, so LFs inside a block (a `<br>` before the end) stay in it.
  for (const m of text.matchAll(new RegExp(`${BLOCK_SEPARATOR}(?!\\n)`, 'g'))) {
    if (m.index > start) blocks.push({ type: 'paragraph', start, end: m.index });
    start = m.index + BLOCK_SEPARATOR.length;
  }
  if (text.length > start) blocks.push({ type: 'paragraph', start, end: text.length });
  return blocks;
}

/**
 * Throws `ImportError('unsupported')` naming the file when `raw` is an Attest export (either
 * format) of a version this Attest does not read: a newer one says so and asks for an update.
 * Exports of version 1 (and anything that is not an Attest export) pass.
 */
export function requireReadableVersion(name: string, raw: unknown): void {
  const { format, version } = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (format !== ANNOTATED_ARTICLE_FORMAT && format !== ANNOTATED_LIBRARY_FORMAT) return;
  if (version === 1) return;
  if (typeof version === 'number' && Number.isInteger(version) && version > 1) {
    throw new ImportError('unsupported', `${name}: an Attest export of format version ${version}, made by a newer Attest; this one reads version 1: update Attest to open it`);
  }
  throw new ImportError('unsupported', `${name}: an Attest export without a version this Attest knows (version ${JSON.stringify(version)}; it reads version 1)`);
}

/**
 * Reads an Attest annotated-article export (format `attest.annotated-article`, version 1) from a
 * file's bytes (UTF-8): the article (its `text` as the canonical text, blocks rebuilt from the
 * separators, no inline marks; `id` is the SHA-256 of the text, computed by `hash`) and its
 * annotations as selectors to anchor against that text (placed ones with their position; orphans,
 * and annotations whose offsets are absent, with the quote only). An id repeated in the file is
 * read once. `labels` is the export's label set (empty when it has none). Throws `ImportError('unsupported')` naming the file when it is not such an export
 * (a library export is named as one, with where to import it).
 */
export function importAttestExport(
  file: { path: string; sha256: string; bytes: Uint8Array },
  hash: (text: string) => string,
): { article: Article; items: (Annotation | OrphanAnnotation)[]; labels: ExportLabel[] } {
  const name = basename(file.path);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch (error) {
    throw new ImportError('unsupported', `${name}: not an Attest export (not UTF-8 JSON: ${(error as Error).message})`);
  }
  requireReadableVersion(name, raw);
  if ((raw as { format?: unknown } | null)?.format === ANNOTATED_LIBRARY_FORMAT) {
    // Several articles: not one to open. Import… (the Export and import bar) or `attest import` takes them all.
    throw new ImportError('unsupported', `${name}: an Attest library export (several articles), not one article: use Import… in the Export and import bar (or attest import) to bring its articles and annotations into the library`);
  }
  const parsed = AttestExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('unsupported', `${name}: not an Attest export (${issue?.path.join('.') || 'file'}: ${issue?.message})`);
  }
  const { article: a, annotations } = parsed.data;
  const article: Article = {
    id: hash(a.text),
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    lang: a.lang,
    dir: a.dir ?? inferDirection(a.text),
    url: a.url ?? null,
    text: a.text,
    blocks: blocksOf(a.text),
    marks: [],
    source: { path: file.path, sha256: file.sha256, format: 'attest-json' },
    // An export is read as strict UTF-8 (see above).
    encoding: { name: 'UTF-8', source: 'utf-8', declared: null, confidence: null, replaced: 0 },
  };
  const seen = new Set<string>();
  const items: (Annotation | OrphanAnnotation)[] = [];
  for (const x of annotations) {
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    const quote = { type: 'TextQuoteSelector' as const, exact: x.exact, prefix: x.prefix, suffix: x.suffix };
    const base = { id: x.id, type: x.type, note: x.note, links: x.links, created: x.created, modified: x.modified };
    if (!x.orphan && x.start !== undefined && x.end !== undefined) {
      items.push({ ...base, target: { position: { type: 'TextPositionSelector', start: x.start, end: x.end }, quote } });
    } else {
      items.push({ ...base, target: { quote }, reason: 'exported as an orphan' });
    }
  }
  return { article, items, labels: parsed.data.labels ?? [] };
}
