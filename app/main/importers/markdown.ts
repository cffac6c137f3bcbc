import MarkdownIt from 'markdown-it';
import frontMatterPlugin from 'markdown-it-front-matter';
import { readFrontMatter, type FrontMatterMetadata } from './front-matter.js';
import { importConvertedHtml } from './html.js';
import type { ImportedBody } from './txt.js';

// CommonMark plus tables and strikethrough; raw HTML in the source is shown as text, never run
// or kept as markup (`html: false`), and bare URLs stay text (`linkify: false`).
const OPTIONS = { html: false, linkify: false, typographer: false } as const;
// The block is read from its token, not through the plugin's callback.
const withFrontMatter = new MarkdownIt('default', OPTIONS).use(frontMatterPlugin, () => undefined);
const plain = new MarkdownIt('default', OPTIONS);

const NO_METADATA: Omit<FrontMatterMetadata, 'title'> = { byline: null, publishedTime: null, lang: null, dir: null, url: null };

/**
 * Imports Markdown: rendered to HTML by `markdown-it` (raw HTML disallowed), then walked into the
 * canonical text by `htmlToBody` (no Readability: the whole file is the article). Headings,
 * paragraphs, block quotes, lists, links, bold and italic survive as blocks and marks.
 * A YAML front matter block (`---` on the first line, up to the next `---` line; found by
 * markdown-it-front-matter) is not part of the text, and its fields fill the metadata
 * (`readFrontMatter`); one that is not YAML is left out all the same. Without a closing fence,
 * or when its YAML is no mapping, the `---` is a Markdown rule and what follows stays text. The
 * title is the front matter's, else the first heading, else `fallbackTitle`.
 */
export function importMarkdown(text: string, fallbackTitle: string): ImportedBody & Omit<FrontMatterMetadata, 'title'> {
  let tokens = withFrontMatter.parse(text, {});
  const block = tokens[0]?.type === 'front_matter' ? tokens[0] : null;
  const read = block && closed(block.map, text) ? readFrontMatter(typeof block.meta === 'string' ? block.meta : '') : null;
  if (block && !read) tokens = plain.parse(text, {});
  const metadata = read && 'metadata' in read ? read.metadata : null;
  const body = importConvertedHtml(plain.renderer.render(tokens, plain.options, {}), fallbackTitle);
  return { ...body, ...NO_METADATA, ...metadata, title: metadata?.title ?? body.title };
}

/** Whether the block the plugin took ends at a closing fence (it also takes an unclosed one to the end of the file). */
function closed(map: [number, number] | null, text: string): boolean {
  if (!map) return false;
  const lines = text.split(/\r\n|\r|\n/);
  return map[1] - 1 > map[0] && /^ {0,3}-{3,}[ \t]*$/.test(lines[map[1] - 1] ?? '');
}
