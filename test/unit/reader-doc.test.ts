import { describe as suite, expect, it } from 'vitest';
import { paragraphsArticle } from '../support/paragraphs-article.js';
import type { Node as PMNode } from 'prosemirror-model';
import { buildDoc, CHUNK_SIZE, LOOSE_SIZE } from '../../renderer/src/editor/build-doc.js';
import { MAX_NODES } from '../../renderer/src/editor/first-screen.js';
import { TextProjection } from '../../renderer/src/editor/projection.js';
import { BUILT_IN_LABELS, type Label } from '../../app/core/labels.js';
import { isDeleteKey, tagKeyType } from '../../renderer/src/editor/use-reader.js';

suite('the reader doc and its projection', () => {
  it('holds each block text and maps every offset both ways', () => {
    const a = paragraphsArticle(['First one', 'Wow 😀 here', 'Third']);
    const doc = buildDoc(a);
    const projection = new TextProjection(doc, a.blocks.map((b) => b.start));
    for (const b of a.blocks) {
      for (let o = b.start; o <= b.end; o++) {
        const pos = projection.toPos(o);
        expect(projection.toOffset(pos)).toBe(o);
      }
      expect(doc.textBetween(projection.toPos(b.start), projection.toPos(b.end))).toBe(a.text.slice(b.start, b.end));
    }
    // An offset inside a separator maps to the end of the block before it.
    expect(projection.toPos(10)).toBe(projection.toPos(9));
  });

  it('gives each block the marks over it, in any order, one mark across several blocks included', () => {
    // Blocks: "Alpha beta" [0,10], "Gamma delta" [12,23], "Epsilon" [25,32].
    const a = paragraphsArticle(['Alpha beta', 'Gamma delta', 'Epsilon'], {
      marks: [
        { type: 'em', start: 26, end: 29 },
        { type: 'strong', start: 6, end: 18 },
        { type: 'link', start: 0, end: 5, href: 'https://example.org/' },
      ],
    });
    const doc = buildDoc(a);
    const runs = (i: number) => {
      const out: string[] = [];
      doc.child(i).forEach((n) => out.push(`${n.text}:${n.marks.map((m) => m.type.name).join('+')}`));
      return out;
    };
    expect(runs(0)).toEqual(['Alpha:link', ' :', 'beta:strong']);
    expect(runs(1)).toEqual(['Gamma :strong', 'delta:']);
    expect(runs(2)).toEqual(['E:', 'psi:em', 'lon:']);
  });

  it('builds a doc of 200,000 paragraphs without overflowing the stack', () => {
    const a = paragraphsArticle(Array.from({ length: 200_000 }, (_, i) => `p${i}`));
    const doc = buildDoc(a);
    let textblocks = 0;
    doc.descendants((node) => (node.isTextblock ? (textblocks++, false) : true));
    expect(textblocks).toBe(200_000);
    expect(doc.lastChild!.lastChild!.textContent).toBe('p199999');
  });

  it('keeps the first nodes loose and groups the rest into chunks of about 4,000 positions, with every block in order', () => {
    expect([LOOSE_SIZE, CHUNK_SIZE, MAX_NODES]).toEqual([8_000, 4_000, 100]);
    // 300 paragraphs of 99 characters (node size 101): 80 loose (8,080 positions), then chunks of 40.
    const paragraphs = Array.from({ length: 300 }, (_, i) => `${String(i).padStart(3, '0')} ${'x'.repeat(95)}`);
    const a = paragraphsArticle(paragraphs);
    const doc = buildDoc(a);
    const top = Array.from({ length: doc.childCount }, (_, i) => doc.child(i));
    expect(top.slice(0, 80).every((n) => n.type.name === 'paragraph')).toBe(true);
    expect(top.slice(80).map((n) => [n.type.name, n.childCount])).toEqual([['chunk', 40], ['chunk', 40], ['chunk', 40], ['chunk', 40], ['chunk', 40], ['chunk', 20]]);
    const projection = new TextProjection(doc, a.blocks.map((b) => b.start));
    expect(projection.blockCount).toBe(300);
    for (const b of a.blocks) expect(doc.textBetween(projection.toPos(b.start), projection.toPos(b.end))).toBe(a.text.slice(b.start, b.end));
    // A short article stays all loose; 100 short nodes at most are loose.
    expect(buildDoc(paragraphsArticle(['a', 'b'])).childCount).toBe(2);
    const short = buildDoc(paragraphsArticle(Array.from({ length: 150 }, (_, i) => `p${i}`)));
    expect(short.childCount).toBe(101);
    expect(short.child(100).type.name).toBe('chunk');
  });

  it('never ends a chunk or the loose head with a heading: it stays with the block after it', () => {
    // Paragraphs of 99 characters (node size 101) and headings where the loose head would end (node
    // 79), and where the first two chunks would (120, 161), and a few more.
    const texts = Array.from({ length: 300 }, (_, i) => `${String(i).padStart(3, '0')} ${'z'.repeat(95)}`);
    const base = paragraphsArticle(texts);
    const headings = new Set([9, 50, 79, 120, 140, 161]);
    const a = { ...base, blocks: base.blocks.map((b, i) => (headings.has(i) ? { ...b, type: 'heading' as const, level: 1 } : b)) };
    const doc = buildDoc(a);
    const top = Array.from({ length: doc.childCount }, (_, i) => doc.child(i));
    const loose = top.filter((n) => n.type.name !== 'chunk');
    expect(loose).toHaveLength(81);
    expect(loose.at(-1)!.type.name).toBe('paragraph');
    const chunks = top.filter((n) => n.type.name === 'chunk');
    for (const chunk of chunks.slice(0, -1)) expect(chunk.lastChild!.type.name).toBe('paragraph');
    expect(chunks.slice(0, 2).map((c) => c.childCount)).toEqual([41, 41]);
    const projection = new TextProjection(doc, a.blocks.map((b) => b.start));
    expect(projection.blockCount).toBe(300);
  });

  it('never splits a list or a block quote at a chunk edge, and maps every block both ways', () => {
    // Paragraphs of 99 characters, with a list of 30 items and a quote of 30 paragraphs across the first chunk edges.
    const line = (i: number) => `${String(i).padStart(3, '0')} ${'y'.repeat(95)}`;
    const texts = Array.from({ length: 200 }, (_, i) => line(i));
    const base = paragraphsArticle(texts);
    const blocks = base.blocks.map((b, i) => (i >= 70 && i < 100 ? { ...b, type: 'list_item' as const } : i >= 110 && i < 140 ? { ...b, quote: 1 } : b));
    const a = { ...base, blocks };
    const doc = buildDoc(a);
    const kinds = (node: PMNode) => Array.from({ length: node.childCount }, (_, i) => node.child(i).type.name);
    const top = kinds(doc);
    // The list closes the loose head (it is one node); the quote is one node inside a chunk.
    expect(top.filter((k) => k === 'bullet_list')).toHaveLength(1);
    expect(top.indexOf('bullet_list')).toBe(top.indexOf('chunk') - 1);
    const chunks = Array.from({ length: doc.childCount }, (_, i) => doc.child(i)).filter((n) => n.type.name === 'chunk');
    expect(chunks.flatMap(kinds).filter((k) => k === 'blockquote')).toHaveLength(1);
    expect(chunks.flatMap(kinds).filter((k) => k === 'bullet_list')).toHaveLength(0);
    const projection = new TextProjection(doc, a.blocks.map((b) => b.start));
    expect(projection.blockCount).toBe(200);
    for (const b of a.blocks) {
      expect(doc.textBetween(projection.toPos(b.start), projection.toPos(b.end))).toBe(a.text.slice(b.start, b.end));
      expect(projection.toOffset(projection.toPos(b.start))).toBe(b.start);
      expect(projection.toOffset(projection.toPos(b.end))).toBe(b.end);
    }
  });
});

suite('reader keys', () => {
  const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, ...init }) as KeyboardEvent;
  it('tags by letter, or by the physical key on other layouts', () => {
    const labels = BUILT_IN_LABELS;
    expect(tagKeyType(key({ key: 'c', code: 'KeyC' }), labels)).toBe('claim');
    expect(tagKeyType(key({ key: 'Q', code: 'KeyQ' }), labels)).toBe('quote');
    expect(tagKeyType(key({ key: 'с', code: 'KeyC' }), labels)).toBe('claim'); // Cyrillic layout
    expect(tagKeyType(key({ key: 'ؤ', code: 'KeyC' }), labels)).toBe('claim'); // Arabic layout
    expect(tagKeyType(key({ key: 'c', code: 'KeyC', ctrlKey: true }), labels)).toBeNull();
    expect(tagKeyType(key({ key: 'x', code: 'KeyX' }), labels)).toBeNull();
  });
  it("tags with a custom label's letter or digit key, on any layout", () => {
    const labels: Label[] = [...BUILT_IN_LABELS, { id: 'disputed', name: 'Disputed', colour: '#7b1fa2', key: 'd', builtIn: false }, { id: 'figure', name: 'Figure', colour: '#00838f', key: '1', builtIn: false }];
    expect(tagKeyType(key({ key: 'd', code: 'KeyD' }), labels)).toBe('disputed');
    expect(tagKeyType(key({ key: 'в', code: 'KeyD' }), labels)).toBe('disputed'); // Cyrillic layout
    expect(tagKeyType(key({ key: '1', code: 'Digit1' }), labels)).toBe('figure');
    expect(tagKeyType(key({ key: '&', code: 'Digit1' }), labels)).toBe('figure'); // AZERTY: the digit needs Shift
    expect(tagKeyType(key({ key: 'd', code: 'KeyD' }), BUILT_IN_LABELS)).toBeNull();
  });
  it('deletes on Delete or Ctrl/Cmd+Backspace, never on a bare Backspace', () => {
    expect(isDeleteKey(key({ key: 'Delete' }))).toBe(true);
    expect(isDeleteKey(key({ key: 'Backspace', metaKey: true }))).toBe(true);
    expect(isDeleteKey(key({ key: 'Backspace' }))).toBe(false);
  });
});
