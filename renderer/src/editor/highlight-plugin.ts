import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Annotation } from '../../../app/core/annotation.js';
import type { TextProjection } from './projection.js';

/** What the highlight plugin paints: the article's annotations and the selected one. */
export interface HighlightState {
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** Annotations linked to the selected or hovered one (attribution), marked `hl-linked`. */
  linked: ReadonlySet<string>;
  decorations: DecorationSet;
}

/** The plugin's key; `setHighlights` sends it new annotations. */
export const highlightKey = new PluginKey<HighlightState>('attest-highlights');

function paint(state: EditorState, projection: TextProjection, annotations: readonly Annotation[], selectedId: string | null, linked: ReadonlySet<string>): DecorationSet {
  const decorations = annotations.map((a) => {
    const { start, end } = a.target.position;
    return Decoration.inline(
      projection.toPos(start),
      projection.toPos(end),
      {
        // Each highlight its own element, so overlapping spans nest and each stays clickable.
        nodeName: 'span',
        class: `hl hl-${a.type}${a.id === selectedId ? ' hl-selected' : ''}${linked.has(a.id) ? ' hl-linked' : ''}`,
        'data-annotation-id': a.id,
        'data-type': a.type,
      },
      { id: a.id },
    );
  });
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights as ProseMirror decorations held in plugin state: rebuilt when a transaction carries
 * new annotations (meta of `highlightKey`), mapped through every other transaction.
 */
export function highlightPlugin(projection: TextProjection): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_config, state) => ({ annotations: [], selectedId: null, linked: new Set(), decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(highlightKey) as Omit<HighlightState, 'decorations'> | undefined;
        if (meta) return { ...meta, decorations: paint(state, projection, meta.annotations, meta.selectedId, meta.linked) };
        return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  });
}

/** A transaction that shows `annotations` with `selectedId` selected and the `linked` ones marked. */
export function setHighlights(tr: Transaction, annotations: readonly Annotation[], selectedId: string | null, linked: ReadonlySet<string> = new Set()): Transaction {
  return tr.setMeta(highlightKey, { annotations, selectedId, linked });
}
