import { ArticleBuilder } from '../../core/article-builder.js';
import type { Block, InlineMark } from '../../core/article.js';

/** What a plain-text importer yields: the canonical text, its blocks and a title. */
export interface ImportedBody {
  text: string;
  blocks: Block[];
  marks: InlineMark[];
  title: string;
}

/**
 * Imports plain text: line ends normalised to LF; blocks are runs of lines separated by blank
 * lines (lines holding only spaces or tabs count as blank), kept as written inside. The first
 * block becomes a level-1 heading and the title when it is one line of at most 200 code units
 * and more blocks follow; otherwise the title is `fallbackTitle`.
 */
export function importPlainText(text: string, fallbackTitle: string): ImportedBody {
  const normalised = text.replace(/\r\n?/g, '\n');
  const paragraphs = normalised.split(/\n(?:[ \t]*\n)+/).filter((p) => p.trim() !== '');
  const first = paragraphs[0]?.trim() ?? '';
  const headed = paragraphs.length > 1 && !first.includes('\n') && first.length <= 200;
  const builder = new ArticleBuilder();
  paragraphs.forEach((p, i) => {
    builder.startBlock(i === 0 && headed ? { type: 'heading', level: 1 } : { type: 'paragraph' });
    builder.appendText(p);
    builder.endBlock();
  });
  return { ...builder.finish(), title: headed ? first : fallbackTitle };
}
