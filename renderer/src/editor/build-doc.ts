import type { Node as PMNode, Mark } from 'prosemirror-model';
import type { Article, Block, InlineMark } from '../../../app/core/article.js';
import { MAX_NODES } from './first-screen.js';
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
 * The first top-level nodes stay on their own until they reach this many ProseMirror positions
 * (about characters), or `MAX_NODES` of them: more than a first screen holds (`first-screen.ts`),
 * which is laid out node by node.
 */
export const LOOSE_SIZE = 8_000;
/** The nodes after them are grouped into chunks of at least this many positions (the last may hold fewer). */
export const CHUNK_SIZE = 4_000;

/**
 * The doc's top level from `nodes`: the loose head, then chunks of consecutive nodes. Each
 * top-level node is tracked by the browser for `content-visibility` at every frame (its
 * intersection with the viewport, about 2 µs a node here): chunks cut that by about eight.
 */
function chunked(nodes: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  // A heading stays with the block after it: no chunk, nor the loose head, ends with one (its
  // bottom margin can be the larger at the edge, where styles.css keeps the top one).
  const headingLast = (i: number) => i > 0 && nodes[i - 1].type === schema.nodes.heading;
  let i = 0;
  for (let size = 0; i < nodes.length && ((size < LOOSE_SIZE && i < MAX_NODES) || headingLast(i)); i++) {
    out.push(nodes[i]);
    size += nodes[i].nodeSize;
  }
  while (i < nodes.length) {
    const group: PMNode[] = [];
    for (let size = 0; i < nodes.length && (size < CHUNK_SIZE || headingLast(i)); i++) {
      group.push(nodes[i]);
      size += nodes[i].nodeSize;
    }
    out.push(schema.nodes.chunk.create(null, group));
  }
  return out;
}

/**
 * Builds the reader's ProseMirror doc from an article: one textblock per `Block`, in order, so
 * the n-th textblock of the doc holds exactly `text.slice(blocks[n].start, blocks[n].end)`.
 * Consecutive list items become one list; consecutive quoted blocks one block quote. Past the
 * first `LOOSE_SIZE` positions, the top-level nodes are grouped into chunks (`chunked`).
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
  return schema.nodes.doc.create(null, chunked(out));
}
