import type { Node as PMNode, Mark } from 'prosemirror-model';
import type { Article, Block, InlineMark } from '../../../app/core/article.js';
import { readerSchema as schema } from './schema.js';

/**
 * The marks over each block in turn, for blocks asked for in document order: one sweep over the
 * marks sorted by start, O(blocks + marks) but for marks spanning several blocks.
 */
function marksByBlock(article: Article): (block: Block) => InlineMark[] {
  const sorted = [...article.marks].sort((a, b) => a.start - b.start);
  let next = 0;
  let open: InlineMark[] = [];
  return (block) => {
    while (next < sorted.length && sorted[next].start < block.end) open.push(sorted[next++]);
    open = open.filter((m) => m.end > block.start);
    return open.filter((m) => m.start < block.end);
  };
}

function inlineContent(article: Article, block: Block, marks: InlineMark[]): PMNode[] {
  const cuts = new Set([block.start, block.end]);
  for (const m of marks) {
    cuts.add(Math.max(block.start, m.start));
    cuts.add(Math.min(block.end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: PMNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const active: Mark[] = marks
      .filter((m) => m.start <= from && m.end >= to)
      .map((m) => (m.type === 'link' ? schema.marks.link.create({ href: m.href ?? '' }) : schema.marks[m.type].create()));
    nodes.push(schema.text(article.text.slice(from, to), active));
  }
  return nodes;
}

function textblock(article: Article, block: Block, marksOf: (block: Block) => InlineMark[]): PMNode {
  const content = inlineContent(article, block, marksOf(block));
  if (block.type === 'heading') return schema.nodes.heading.create({ level: block.level ?? 1 }, content);
  if (block.type === 'list_item') return schema.nodes.list_item.create(null, content);
  return schema.nodes.paragraph.create(null, content);
}

/**
 * Builds the reader's ProseMirror doc from an article: one textblock per `Block`, in order, so
 * the n-th textblock of the doc holds exactly `text.slice(blocks[n].start, blocks[n].end)`.
 * Consecutive list items become one list; consecutive quoted blocks one block quote.
 */
export function buildDoc(article: Article): PMNode {
  const out: PMNode[] = [];
  let i = 0;
  const blocks = article.blocks;
  const marksOf = marksByBlock(article);
  while (i < blocks.length) {
    const quoted = (blocks[i].quote ?? 0) > 0;
    const group: PMNode[] = [];
    while (i < blocks.length && ((blocks[i].quote ?? 0) > 0) === quoted) {
      const b = blocks[i];
      if (b.type === 'list_item') {
        const items: PMNode[] = [];
        while (i < blocks.length && blocks[i].type === 'list_item' && blocks[i].ordered === b.ordered && ((blocks[i].quote ?? 0) > 0) === quoted) {
          items.push(textblock(article, blocks[i], marksOf));
          i++;
        }
        group.push((b.ordered ? schema.nodes.ordered_list : schema.nodes.bullet_list).create(null, items));
      } else {
        group.push(textblock(article, b, marksOf));
        i++;
      }
    }
    if (quoted) out.push(schema.nodes.blockquote.create(null, group));
    else for (const node of group) out.push(node); // not push(...group): 100,000s of blocks overflow the stack
  }
  return schema.nodes.doc.create(null, out);
}
