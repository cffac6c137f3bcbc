import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Annotation } from '../../../app/core/annotation.js';
import type { TextProjection } from './projection.js';

/** A span of ProseMirror positions, both ends included. */
export interface PosRange {
  from: number;
  to: number;
}

/** One highlight in the DecorationSet: where it is painted and the class it has (all a decoration shows of its annotation). */
interface Painted {
  range: PosRange;
  className: string;
  decoration: Decoration;
}

/** What the highlight plugin paints: the article's annotations and the selected one. */
export interface HighlightState {
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** Annotations linked to the selected or hovered one (attribution), marked `hl-linked`. */
  linked: ReadonlySet<string>;
  /** The part of the doc near the viewport (see `near-viewport.ts`); null: the whole doc (not measured). */
  near: PosRange | null;
  /** A part painted besides, until `near` is next set: where `scrollTo` is going. */
  pinned: PosRange | null;
  /** The textblocks of the selection's anchor and head when last painted (painted too: a drag never loses its DOM, a tag is painted where it is made). */
  selectionBlocks: readonly [number, number];
  /** The highlights in `decorations`, by annotation id. */
  painted: ReadonlyMap<string, Painted>;
  decorations: DecorationSet;
}

type HighlightMeta = Partial<Pick<HighlightState, 'annotations' | 'selectedId' | 'linked' | 'near' | 'pinned'>>;

/** The plugin's key; `setHighlights`, `setNear` and `pinHighlights` send it what changed. */
export const highlightKey = new PluginKey<HighlightState>('attest-highlights');

function classOf(a: Annotation, selectedId: string | null, linked: ReadonlySet<string>): string {
  return `hl hl-${a.type}${a.id === selectedId ? ' hl-selected' : ''}${linked.has(a.id) ? ' hl-linked' : ''}`;
}

function decorate(a: Annotation, range: PosRange, className: string): Decoration {
  return Decoration.inline(
    range.from,
    range.to,
    // Each highlight its own element, so overlapping spans nest and each stays clickable.
    { nodeName: 'span', class: className, 'data-annotation-id': a.id, 'data-type': a.type },
    { id: a.id },
  );
}

/**
 * The highlights as decorations, changed from `prev` only where they differ: an annotation that
 * is new, gone, moved, newly in or out of the painted parts, or whose class changed (type,
 * selected, linked) is removed and/or added; the rest of the DecorationSet is kept, also for an
 * annotation whose note alone changed or that main's answer replaced by an equal one.
 * O(annotations) to compare, O(changes · log) to update.
 */
function repaint(next: HighlightState, prev: HighlightState, state: EditorState, projection: TextProjection, rangeOf: (a: Annotation) => PosRange): HighlightState {
  const parts: PosRange[] = [];
  if (next.near) {
    parts.push(next.near);
    if (next.pinned) parts.push(next.pinned);
    for (const i of new Set(next.selectionBlocks)) parts.push(projection.block(i));
  }
  const shown = (r: PosRange) => next.near === null || parts.some((p) => r.from <= p.to && r.to >= p.from);

  const painted = new Map<string, Painted>();
  const added: Decoration[] = [];
  for (const a of next.annotations) {
    const range = rangeOf(a);
    if (!shown(range)) continue;
    const className = classOf(a, next.selectedId, next.linked);
    const old = prev.painted.get(a.id);
    if (old && old.className === className && old.range.from === range.from && old.range.to === range.to) painted.set(a.id, old);
    else {
      const decoration = decorate(a, range, className);
      painted.set(a.id, { range, className, decoration });
      added.push(decoration);
    }
  }
  const removed: Decoration[] = [];
  for (const [id, old] of prev.painted) if (painted.get(id) !== old) removed.push(old.decoration);
  let decorations = prev.decorations;
  if (removed.length > 0) decorations = decorations.remove(removed);
  if (added.length > 0) decorations = decorations.add(state.doc, added);
  return { ...next, painted, decorations };
}

function selectionBlocks(state: EditorState, projection: TextProjection): readonly [number, number] {
  return [projection.blockAt(state.selection.anchor), projection.blockAt(state.selection.head)];
}

/**
 * Highlights as ProseMirror decorations held in plugin state, painted only near the viewport
 * (`near`, set by `near-viewport.ts`; everything until it is set), where a scroll is going
 * (`pinned`) and around the selection. Every change (annotations, selection, linked ones, the
 * painted parts) updates the DecorationSet incrementally (`DecorationSet.remove`/`add`).
 * `initial`: what the new state paints already (annotations, selection, linked ones, `near`), so
 * a view built with it draws them in its first DOM instead of changing that DOM at once.
 */
export function highlightPlugin(projection: TextProjection, initial?: Partial<Pick<HighlightState, 'annotations' | 'selectedId' | 'linked' | 'near'>>): Plugin<HighlightState> {
  // Annotations are immutable: their positions are computed once per object.
  const ranges = new WeakMap<Annotation, PosRange>();
  const rangeOf = (a: Annotation) => {
    let range = ranges.get(a);
    if (!range) ranges.set(a, (range = { from: projection.toPos(a.target.position.start), to: projection.toPos(a.target.position.end) }));
    return range;
  };
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_config, state) => {
        const empty: HighlightState = { annotations: [], selectedId: null, linked: new Set(), near: null, pinned: null, selectionBlocks: selectionBlocks(state, projection), painted: new Map(), decorations: DecorationSet.empty };
        return initial ? repaint({ ...empty, ...initial }, empty, state, projection, rangeOf) : empty;
      },
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
        // A selection change alone repaints nothing (no DOM writes while the analyst selects);
        // the selection's blocks are painted with the next change.
        if (!meta && !tr.docChanged) return value;
        const blocks = selectionBlocks(state, projection);
        // The reader refuses doc changes (read-only plugin); were one to pass, everything is repainted.
        const prev = tr.docChanged ? { ...value, painted: new Map<string, Painted>(), decorations: DecorationSet.empty } : value;
        const pinned = meta && 'near' in meta && !('pinned' in meta) ? null : (meta?.pinned ?? prev.pinned);
        return repaint({ ...prev, ...meta, pinned, selectionBlocks: blocks }, prev, state, projection, rangeOf);
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
    },
  });
}

/** A transaction that shows `annotations` with `selectedId` selected and the `linked` ones marked. */
export function setHighlights(tr: Transaction, annotations: readonly Annotation[], selectedId: string | null, linked: ReadonlySet<string> = new Set()): Transaction {
  return tr.setMeta(highlightKey, { annotations, selectedId, linked } satisfies HighlightMeta);
}

/** A transaction that paints the highlights of `near` (the part of the doc near the viewport) and drops a pinned part. */
export function setNear(tr: Transaction, near: PosRange): Transaction {
  return tr.setMeta(highlightKey, { near } satisfies HighlightMeta);
}

/** A transaction that paints the highlights of `range` too, until the next `setNear` (a scroll's target). */
export function pinHighlights(tr: Transaction, range: PosRange): Transaction {
  return tr.setMeta(highlightKey, { pinned: range } satisfies HighlightMeta);
}
