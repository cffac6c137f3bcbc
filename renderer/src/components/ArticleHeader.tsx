import type { Article } from '../../../app/core/article.js';
import type { EncodingChoice } from '../../../app/core/encodings.js';
import { EncodingSelect } from './EncodingSelect.js';

/** The article's title and metadata above its text (not part of the canonical text); the Encoding select when it was guessed. */
export function ArticleHeader({ article, onChooseEncoding }: { article: Article; onChooseEncoding: (encoding: EncodingChoice) => void }) {
  const meta = [...new Set([article.byline, article.siteName, formatDate(article.publishedTime)].filter(Boolean))].join(' · ');
  // A plain-text article whose first block is its title shows it once, as text that can be tagged.
  const titleInText = article.blocks[0]?.type === 'heading' && article.text.slice(article.blocks[0].start, article.blocks[0].end) === article.title;
  return (
    <header className="article-header">
      <h1 className={`article-title${titleInText ? ' visually-hidden' : ''}`}>{article.title}</h1>
      {meta && <p className="article-meta">{meta}</p>}
      <p className="article-source" dir="ltr" title={article.source.path}>
        {article.source.path}
      </p>
      <EncodingSelect article={article} onChoose={onChooseEncoding} />
    </header>
  );
}

/** A published time as a readable date in the analyst's locale; the source's text when it is no date. */
function formatDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(time);
}
