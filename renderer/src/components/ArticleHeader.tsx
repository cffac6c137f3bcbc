import type { Article } from '../../../app/core/article.js';

/** The article's title and metadata above its text (not part of the canonical text). */
export function ArticleHeader({ article }: { article: Article }) {
  const meta = [article.byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ');
  return (
    <header className="article-header">
      <h1 className="article-title">{article.title}</h1>
      {meta && <p className="article-meta">{meta}</p>}
      <p className="article-source" title={article.source.path}>
        {article.source.path}
      </p>
    </header>
  );
}
