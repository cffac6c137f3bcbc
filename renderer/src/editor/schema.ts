import { Schema } from 'prosemirror-model';

/**
 * The reader's ProseMirror schema: the final allow-list of what an article can show. Textblocks
 * hold text only (line breaks are LF characters, shown by `white-space: pre-wrap`), so a
 * position inside a textblock moves one UTF-16 code unit per step, as canonical offsets do.
 * Links are marks shown as text: they carry their target in a tooltip and are never followed.
 * Every textblock takes its own direction from its first strong character (`dir="auto"`), so an
 * English paragraph in an Arabic article reads left to right, inside the article's direction.
 * A `chunk` groups consecutive top-level blocks of a long article (see `buildDoc`) and adds no
 * text: the browser then tracks hundreds of chunks for `content-visibility`, not thousands of blocks.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: '(block | chunk)+' },
    chunk: { content: 'block+', toDOM: () => ['div', { class: 'reader-chunk' }, 0] },
    paragraph: { group: 'block', content: 'text*', marks: '_', toDOM: () => ['p', { dir: 'auto' }, 0] },
    heading: {
      group: 'block',
      content: 'text*',
      marks: '_',
      attrs: { level: { default: 1, validate: 'number' } },
      toDOM: (node) => [`h${Math.min(6, Math.max(1, node.attrs.level as number))}`, { dir: 'auto' }, 0],
    },
    blockquote: { group: 'block', content: 'block+', toDOM: () => ['blockquote', 0] },
    bullet_list: { group: 'block', content: 'list_item+', toDOM: () => ['ul', 0] },
    ordered_list: { group: 'block', content: 'list_item+', toDOM: () => ['ol', 0] },
    list_item: { content: 'text*', marks: '_', toDOM: () => ['li', { dir: 'auto' }, 0] },
    text: {},
  },
  marks: {
    link: {
      attrs: { href: { default: '', validate: 'string' } },
      inclusive: false,
      toDOM: (mark) => ['span', { class: 'link', title: String(mark.attrs.href) }, 0],
    },
    strong: { toDOM: () => ['strong', 0] },
    em: { toDOM: () => ['em', 0] },
  },
});
