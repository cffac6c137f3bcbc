import { parseDocument } from 'yaml';
import type { ArticleMetadata } from '../../core/article.js';
import { httpUrl } from './page-url.js';

/** The metadata a Markdown file's front matter gives; null (or absent title) where it gives none. */
export type FrontMatterMetadata = Pick<ArticleMetadata, 'byline' | 'publishedTime' | 'lang' | 'dir' | 'url'> & { title: string | null };

/**
 * What the YAML of a front matter block (the lines between the `---` fences, without them) says:
 * - `{ metadata }` for a mapping (or an empty block): `title`; `author` or `authors` (a name, a
 *   list of names, or `{ name }` objects; joined by ", ") as `byline`; `date` as `publishedTime`
 *   (as written); `lang` or `language`; `dir` (`ltr`/`rtl`); `url` or `canonical_url` (absolute
 *   http(s) only). Other keys are ignored, and so is a value of the wrong kind.
 * - `{ invalid }` when it is not YAML (the parser's first error): still front matter, read for nothing;
 * - `null` for YAML that is no mapping (a scalar or a list): not front matter at all, but a
 *   Markdown rule and the text after it.
 * Follows YAML 1.2 (the `yaml` package, core schema: a date stays the string written). Never throws.
 */
export function readFrontMatter(yaml: string): { metadata: FrontMatterMetadata } | { invalid: string } | null {
  const doc = parseDocument(yaml, { prettyErrors: false });
  if (doc.errors.length > 0) return { invalid: doc.errors[0].message };
  let data: unknown;
  try {
    // Aliases are expanded within yaml's default limit (against a "billion laughs" block).
    data = doc.toJS();
  } catch (error) {
    return { invalid: (error as Error).message };
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) return null;
  const fields = (data ?? {}) as Record<string, unknown>;
  const dir = text(fields.dir)?.toLowerCase();
  return {
    metadata: {
      title: text(fields.title),
      byline: names(fields.author ?? fields.authors),
      publishedTime: text(fields.date),
      lang: text(fields.lang ?? fields.language),
      dir: dir === 'ltr' || dir === 'rtl' ? dir : null,
      url: httpUrl(text(fields.url ?? fields.canonical_url)),
    },
  };
}

/** A scalar as trimmed text (a date as ISO 8601), or null when empty or not a scalar. */
function text(value: unknown): string | null {
  const s = value instanceof Date ? value.toISOString() : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  return s === '' ? null : s;
}

/** Author names: one, a list, or objects with a `name`; joined by ", ". */
function names(value: unknown): string | null {
  const all = (Array.isArray(value) ? value : [value]).map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? text((v as { name?: unknown }).name) : text(v)));
  const kept = all.filter((n): n is string => n !== null);
  return kept.length > 0 ? kept.join(', ') : null;
}
