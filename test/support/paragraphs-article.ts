import type { Article } from '../../app/core/article.js';

/**
 * An article of `paragraphs` joined by two LFs (the canonical block separator), one paragraph
 * block each, for reader tests; `extra` overrides any field (marks, metadata).
 */
export function paragraphsArticle(paragraphs: string[], extra: Partial<Article> = {}): Article {
  let text = '';
  const blocks: Article['blocks'] = [];
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    blocks.push({ type: 'paragraph', start: text.length, end: text.length + p.length });
    text += p;
  }
  return { id: '0'.repeat(64), title: 't', byline: null, siteName: null, publishedTime: null, lang: null, dir: null, text, blocks, marks: [], source: { path: '/t.txt', sha256: '0'.repeat(64), format: 'txt' }, url: null, encoding: null, ...extra } as Article;
}
