import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { TextMatch } from '../../../app/core/find.js';
import { pinHighlights, type PosRange } from './highlight-plugin.js';
import type { TextProjection } from './projection.js';

/** How many matches around the current one are painted; the rest are counted, and painted as the analyst steps to them. */
export const PAINTED_MATCHES = 400;

/** What the find plugin paints: the matches of the find bar (ProseMirror positions, in text order) and the current one's index (-1: none). */
export interface FindState {
  matches: readonly PosRange[];
  current: number;
  decorations: DecorationSet;
}

/** The plugin's key; `setFindMatches` sends it the matches. */
export const findKey = new PluginKey<FindState>('attest-find');

/**
 * The find bar's matches as inline decorations: `find-match` on each of the `PAINTED_MATCHES`
 * around the current one, and `find-current` on that one too. The doc never changes (the reader
 * is read-only), so the set is rebuilt only when the matches or the current one change.
 */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ matches: [], current: -1, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(findKey) as Pick<FindState, 'matches' | 'current'> | undefined;
        if (!meta) return value;
        const { matches, current } = meta;
        const first = Math.max(0, Math.min(current, matches.length) - PAINTED_MATCHES / 2);
        const decorations = matches.slice(first, first + PAINTED_MATCHES).map((m, i) => Decoration.inline(m.from, m.to, { class: first + i === current ? 'find-match find-current' : 'find-match' }));
        return { matches, current, decorations: DecorationSet.create(tr.doc, decorations) };
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations,
    },
  });
}

/** A transaction that paints `matches` with the one at `current` as the current match (none: `[]`, -1). */
export function setFindMatches(tr: Transaction, matches: readonly PosRange[], current: number): Transaction {
  return tr.setMeta(findKey, { matches, current });
}

// Matches are mapped to positions once per result of a search.
const mapped = new WeakMap<readonly TextMatch[], PosRange[]>();

/**
 * Shows the find bar's `matches` (offsets of the canonical text, UTF-16, mapped through
 * `projection`) in `view` with the one at `current` as the current match, the highlights around
 * it painted too (`pinHighlights`), and scrolls the reader to it when it is not all in view.
 */
export function showFindMatches(view: EditorView, projection: TextProjection, matches: readonly TextMatch[], current: number): void {
  let ranges = mapped.get(matches);
  if (!ranges) mapped.set(matches, (ranges = matches.map((m) => ({ from: projection.toPos(m.start), to: projection.toPos(m.end) }))));
  let tr = setFindMatches(view.state.tr, ranges, current);
  if (ranges[current]) tr = pinHighlights(tr, ranges[current]);
  view.dispatch(tr);
  const shown = view.dom.querySelector('.find-current');
  if (!shown) return;
  const box = shown.getBoundingClientRect();
  const scroller = shown.closest('.reader-pane')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  if (box.top < scroller.top || box.bottom > scroller.bottom) shown.scrollIntoView({ block: 'center', behavior: 'auto' });
}
