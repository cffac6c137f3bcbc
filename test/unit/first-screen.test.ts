import { EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation } from '../../app/core/annotation.js';
import { buildDoc } from '../../renderer/src/editor/build-doc.js';
import { eagerLayoutPlugin, firstScreen } from '../../renderer/src/editor/first-screen.js';
import { highlightKey, highlightPlugin, setHighlights } from '../../renderer/src/editor/highlight-plugin.js';
import { TextProjection } from '../../renderer/src/editor/projection.js';
import { paragraphsArticle } from '../support/paragraphs-article.js';

// Four paragraphs of 10, 20, 30 and 40 characters: node sizes 12, 22, 32 and 42.
const PARAGRAPHS = ['a'.repeat(10), 'b'.repeat(20), 'c'.repeat(30), 'd'.repeat(40)];

suite('the first screen of the reader', () => {
  const article = paragraphsArticle(PARAGRAPHS);
  const doc = buildDoc(article);

  it('holds the top-level nodes up to the one that reaches the viewport\'s characters, and their extent', () => {
    // Node ends: 12, 34, 66, 108.
    expect(firstScreen(doc, 12)).toEqual({ nodes: 1, near: { from: 0, to: 12 } });
    expect(firstScreen(doc, 13)).toEqual({ nodes: 2, near: { from: 0, to: 34 } });
    expect(firstScreen(doc, 66)).toEqual({ nodes: 3, near: { from: 0, to: 66 } });
    expect(firstScreen(doc, 1_000)).toEqual({ nodes: 4, near: { from: 0, to: doc.content.size } });
    expect(firstScreen(doc, 0)).toEqual({ nodes: 0, near: { from: 0, to: 0 } });
  });

  it('holds 100 top-level nodes at most, however short they are', () => {
    const many = buildDoc(paragraphsArticle(Array.from({ length: 300 }, (_, i) => `p${i}`)));
    const first = firstScreen(many, 1_000_000);
    expect(first.nodes).toBe(100);
    expect(many.textBetween(first.near.to - 4, first.near.to)).toBe('p99');
  });

  it('marks exactly those nodes as laid out eagerly', () => {
    const plugin = eagerLayoutPlugin(doc, 2);
    const state = EditorState.create({ doc, plugins: [plugin] });
    const set = plugin.props.decorations!.call(plugin, state) as DecorationSet;
    const marked = set.find().map((d) => ({ from: d.from, to: d.to, attrs: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs }));
    expect(marked).toEqual([
      { from: 0, to: 12, attrs: { class: 'reader-eager' } },
      { from: 12, to: 34, attrs: { class: 'reader-eager' } },
    ]);
  });

  it('paints the highlights it is created with in the first screen only; the same highlights again change nothing', () => {
    const projection = new TextProjection(doc, article.blocks.map((b) => b.start));
    const at = (id: string, block: number): Annotation => {
      const { start } = article.blocks[block];
      return { id, type: 'claim', target: describe(article.text, start, start + 5), note: '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' } as Annotation;
    };
    const annotations = [at('in-first', 0), at('in-second', 1), at('in-third', 2), at('in-fourth', 3)];
    const linked = new Set<string>();
    const first = firstScreen(doc, 13);
    let state = EditorState.create({ doc, plugins: [highlightPlugin(projection, { annotations, selectedId: 'in-second', linked, near: first.near })] });
    const painted = () => highlightKey.getState(state)!.decorations.find().map((d) => [(d.spec as { id: string }).id, state.doc.textBetween(d.from, d.to), (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class]);
    expect(painted()).toEqual([['in-first', 'aaaaa', 'hl hl-claim'], ['in-second', 'bbbbb', 'hl hl-claim hl-selected']]);
    const before = highlightKey.getState(state)!.decorations;
    state = state.apply(setHighlights(state.tr, annotations, 'in-second', linked));
    expect(highlightKey.getState(state)!.decorations).toBe(before);
  });
});
