import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation, AnnotationType } from '../../app/core/annotation.js';
import { buildDoc } from '../../renderer/src/editor/build-doc.js';
import { highlightKey, highlightPlugin, pinHighlights, setHighlights, setNear } from '../../renderer/src/editor/highlight-plugin.js';
import { TextProjection } from '../../renderer/src/editor/projection.js';
import { paragraphsArticle } from '../support/paragraphs-article.js';

const PARAGRAPHS = ['The minister said the plan works.', 'Critics denied it.', 'The council will vote.', 'Officials confirmed the figures.'];

function setup() {
  const article = paragraphsArticle(PARAGRAPHS);
  const { text, blocks } = article;
  const doc = buildDoc(article);
  const projection = new TextProjection(doc, blocks.map((b) => b.start));
  let state = EditorState.create({ doc, plugins: [highlightPlugin(projection)] });
  const annotate = (id: string, type: AnnotationType, quote: string): Annotation => {
    const start = text.indexOf(quote);
    return { id, type, target: describe(text, start, start + quote.length), note: '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' } as Annotation;
  };
  const decorations = () => {
    const found = highlightKey.getState(state)!.decorations.find();
    return new Map(found.map((d) => [(d.spec as { id: string }).id, d]));
  };
  const painted = (d: Decoration) => ({ text: state.doc.textBetween(d.from, d.to), attrs: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs });
  return { text, projection, annotate, decorations, painted, get state() { return state; }, apply: (tr: ReturnType<EditorState['tr']['setMeta']>) => (state = state.apply(tr)) };
}

suite('the highlight plugin', () => {
  it('paints each annotation as a span with its class, id and type; selected and linked ones are marked', () => {
    const t = setup();
    const claim = t.annotate('a', 'claim', 'the plan works');
    const source = t.annotate('b', 'source', 'The minister');
    t.apply(setHighlights(t.state.tr, [claim, source], 'a', new Set(['b'])));
    const d = t.decorations();
    expect(t.painted(d.get('a')!)).toEqual({ text: 'the plan works', attrs: { nodeName: 'span', class: 'hl hl-claim hl-selected', 'data-annotation-id': 'a', 'data-type': 'claim' } });
    expect(t.painted(d.get('b')!)).toEqual({ text: 'The minister', attrs: { nodeName: 'span', class: 'hl hl-source hl-linked', 'data-annotation-id': 'b', 'data-type': 'source' } });
  });

  it('changes only what changed: a new annotation, the one deselected and the one selected', () => {
    const t = setup();
    const [a, b, c] = [t.annotate('a', 'claim', 'the plan works'), t.annotate('b', 'quote', 'Critics denied'), t.annotate('c', 'source', 'The council')];
    // The decorations the plugin made (find() copies those deep in the set), by annotation id.
    const made = () => new Map([...highlightKey.getState(t.state)!.painted].map(([id, p]) => [id, p.decoration]));
    t.apply(setHighlights(t.state.tr, [a, b], 'a'));
    const before = made();
    t.apply(setHighlights(t.state.tr, [a, b, c], 'c'));
    const after = t.decorations();
    const madeC = made().get('c');
    expect(made().get('b')).toBe(before.get('b'));
    expect(made().get('a')).not.toBe(before.get('a'));
    expect(t.painted(after.get('a')!).attrs.class).toBe('hl hl-claim');
    expect(t.painted(after.get('c')!).attrs.class).toBe('hl hl-source hl-selected');
    // A changed annotation (a new object with the same id) is repainted; a removed one is gone.
    const retyped = { ...b, type: 'claim' as const };
    t.apply(setHighlights(t.state.tr, [retyped, c], 'c'));
    expect([...t.decorations().keys()].sort()).toEqual(['b', 'c']);
    expect(t.painted(t.decorations().get('b')!).attrs['data-type']).toBe('claim');
    expect(made().get('c')).toBe(madeC);
    // A note, or main's answer replacing an equal annotation, changes nothing painted; a moved one is repainted.
    const painted = made();
    t.apply(setHighlights(t.state.tr, [{ ...retyped, note: 'check it' }, { ...c, created: '2026-01-02T00:00:00.000Z' }], 'c'));
    expect(made()).toEqual(painted);
    expect(made().get('b')).toBe(painted.get('b'));
    const moved = t.annotate('c', 'source', 'The minister');
    t.apply(setHighlights(t.state.tr, [retyped, moved], 'c'));
    expect(made().get('c')).not.toBe(painted.get('c'));
    expect(t.painted(t.decorations().get('c')!).text).toBe('The minister');
  });

  it('paints only the part near the viewport, the selection\'s blocks and a pinned part', () => {
    const t = setup();
    const anns = [t.annotate('first', 'claim', 'The minister'), t.annotate('second', 'claim', 'Critics'), t.annotate('third', 'claim', 'council'), t.annotate('fourth', 'claim', 'figures')];
    t.apply(setHighlights(t.state.tr, anns, null));
    expect(t.decorations().size).toBe(4);
    // Near: the second block only; the selection (at the doc's start) keeps the first painted.
    t.apply(setNear(t.state.tr, t.projection.block(1)));
    expect([...t.decorations().keys()].sort()).toEqual(['first', 'second']);
    // A selection change alone writes nothing; its block is painted with the next change.
    t.apply(t.state.tr.setSelection(TextSelection.create(t.state.doc, t.projection.block(2).from + 1)));
    expect([...t.decorations().keys()].sort()).toEqual(['first', 'second']);
    t.apply(setNear(t.state.tr, t.projection.block(1)));
    expect([...t.decorations().keys()].sort()).toEqual(['second', 'third']);
    t.apply(pinHighlights(t.state.tr, t.projection.block(3)));
    expect([...t.decorations().keys()].sort()).toEqual(['fourth', 'second', 'third']);
    // The next measured part drops the pinned one.
    t.apply(setNear(t.state.tr, t.projection.block(1)));
    expect([...t.decorations().keys()].sort()).toEqual(['second', 'third']);
  });
});
