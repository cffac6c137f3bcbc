import { z } from 'zod';
import { LABEL_ID_PATTERN, MAX_LABEL_NAME, type Label } from './labels.js';
import { type Annotation, type OrphanAnnotation } from './annotation.js';
import { ARTICLE_FORMATS, type Article } from './article.js';

/**
 * zod schemas for the data that crosses a trust boundary: IPC payloads, and data read back from
 * the store. Each mirrors a type of `article.ts` or `annotation.ts` (checked below).
 */

const offset = z.number().int().nonnegative();
const nullableString = z.string().nullable();

/** Schema of `Article` (see `article.ts`). */
export const ArticleSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string(),
  byline: nullableString,
  siteName: nullableString,
  publishedTime: nullableString,
  lang: nullableString,
  dir: z.enum(['ltr', 'rtl']).nullable(),
  // Records stored before `url` and `encoding` existed read back as null.
  url: nullableString.default(null),
  text: z.string(),
  blocks: z.array(
    z.object({
      type: z.enum(['paragraph', 'heading', 'list_item']),
      start: offset,
      end: offset,
      level: z.number().int().min(1).max(6).optional(),
      quote: z.number().int().nonnegative().optional(),
      ordered: z.boolean().optional(),
    }),
  ),
  marks: z.array(
    z.object({ type: z.enum(['link', 'strong', 'em']), start: offset, end: offset, href: z.string().optional() }),
  ),
  source: z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), format: z.enum(ARTICLE_FORMATS) }),
  encoding: z
    .object({
      name: z.string().min(1).max(64),
      source: z.enum(['bom', 'utf-8', 'declared', 'detected', 'chosen']),
      declared: nullableString,
      confidence: z.number().min(0).max(100).nullable(),
      replaced: z.number().int().nonnegative(),
    })
    .nullable()
    .default(null),
});

/** Schema of `Label` (see `labels.ts`). */
export const LabelSchema = z.object({
  id: z.string().regex(LABEL_ID_PATTERN),
  name: z.string().min(1).max(MAX_LABEL_NAME),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
  key: z.string().regex(/^([a-z0-9])?$/),
  builtIn: z.boolean(),
});

/** Schema of `LabelInput`: what the analyst types for a label (checked further by `labelProblem`). */
export const LabelInputSchema = z.object({ name: z.string().max(1000), colour: z.string().max(20), key: z.string().max(4) }).strict();

/** Schema of `AnnotationType`: a label id (`LABEL_ID_PATTERN`); whether the label exists is checked where the label set is known. */
export const AnnotationTypeSchema = z.string().regex(LABEL_ID_PATTERN, 'not a label id');

const PositionSchema = z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset });
const QuoteSchema = z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string(), suffix: z.string() });

/** Schema of `AnnotationLink` (see `annotation.ts`). */
export const AnnotationLinkSchema = z.object({ type: z.literal('attributedTo'), target: z.string().min(1).max(100) });

/** Schema of `Annotation` (see `annotation.ts`). */
export const AnnotationSchema = z.object({
  id: z.string().min(1).max(100),
  type: AnnotationTypeSchema,
  target: z.object({ position: PositionSchema, quote: QuoteSchema }),
  note: z.string(),
  // Records stored before attribution existed have no links: read as none.
  links: z.array(AnnotationLinkSchema).max(1000).default([]),
  created: z.string(),
  modified: z.string(),
});

/** Schema of `OrphanAnnotation` (see `annotation.ts`): its position is optional, and it says why. */
export const OrphanAnnotationSchema = AnnotationSchema.extend({
  target: z.object({ position: PositionSchema.optional(), quote: QuoteSchema }),
  reason: z.string(),
});

// Compile-time checks that the schemas and the types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const articleAgrees: Same<z.infer<typeof ArticleSchema>, Article> = true;
const annotationAgrees: Same<z.infer<typeof AnnotationSchema>, Annotation> = true;
const orphanAgrees: Same<z.infer<typeof OrphanAnnotationSchema>, OrphanAnnotation> = true;
const labelAgrees: Same<z.infer<typeof LabelSchema>, Label> = true;
void labelAgrees;
void articleAgrees;
void annotationAgrees;
void orphanAgrees;
