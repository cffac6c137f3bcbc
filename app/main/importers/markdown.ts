import MarkdownIt from 'markdown-it';
import { importConvertedHtml } from './html.js';
import type { ImportedBody } from './txt.js';

// CommonMark plus tables and strikethrough; raw HTML in the source is shown as text, never run
// or kept as markup (`html: false`), and bare URLs stay text (`linkify: false`).
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/**
 * Imports Markdown: rendered to HTML by `markdown-it` (raw HTML disallowed), then walked into the
 * canonical text by `htmlToBody` (no Readability: the whole file is the article). Headings,
 * paragraphs, block quotes, lists, links, bold and italic survive as blocks and marks; the title
 * is the first heading, else `fallbackTitle`.
 */
export function importMarkdown(text: string, fallbackTitle: string): ImportedBody {
  return importConvertedHtml(markdown.render(text), fallbackTitle);
}
