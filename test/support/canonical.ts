import type { Article } from '../../app/core/article.js';
import { ArticleSchema } from '../../app/core/schemas.js';

/**
 * Why `article` breaks the canonical-text rules of `article.ts`, or null when it keeps them: it
 * passes `ArticleSchema`; its text is its blocks in order joined by "\n\n", each non-empty with
 * no ASCII white space at its ends; no CR and no leading byte-order mark; marks lie inside the text.
 */
export function canonicalTextProblem(article: Article): string | null {
  const parsed = ArticleSchema.safeParse(article);
  if (!parsed.success) return `schema: ${parsed.error.issues[0]?.message}`;
  const { text, blocks, marks } = article;
  if (text.length === 0) return 'empty text';
  if (text.includes('\r')) return 'a CR in the text';
  if (text.startsWith('\uFEFF')) return 'a byte-order mark at the start';
  const joined = blocks.map((b) => text.slice(b.start, b.end)).join('\n\n');
  if (joined !== text) return 'the text is not its blocks joined by "\\n\\n"';
  for (const b of blocks) {
    const content = text.slice(b.start, b.end);
    if (content === '' || /^[ \t\n\f]|[ \t\n\f]$/.test(content)) return `block [${b.start}, ${b.end}) is empty or has white space at an end`;
  }
  for (const m of marks) if (m.start < 0 || m.end > text.length || m.start >= m.end) return `mark [${m.start}, ${m.end}) is out of the text`;
  return null;
}
