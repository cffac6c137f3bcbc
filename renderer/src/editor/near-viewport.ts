import type { EditorView } from 'prosemirror-view';
import { partitionPoint } from '../../../app/core/partition-point.js';
import { setNear, type PosRange } from './highlight-plugin.js';

/**
 * Keeps the highlight plugin's `near` part (see `highlight-plugin.ts`) on the top-level nodes
 * (blocks, or chunks of blocks: `build-doc.ts`) within one viewport height above and below the
 * viewport. `initial`: the part the plugin paints at first (the view's first screen, painted with
 * its first DOM); `opened` is called (at least once) when more than it is to be laid out: after
 * the first frame, or in it when the viewport is past it. Measured in the first frame, then again
 * when the viewport leaves the part measured last (a scroll of the reader or of an element
 * holding it, captured on the document), on a resize of the window or of the reader (fonts, font
 * size). A scroll is measured in the next animation frame, before it is painted; a ResizeObserver
 * callback runs before the paint it follows and paints the viewport only (nothing when what is
 * painted covers it), the margins just after that paint. Top-level nodes are found by binary
 * search on their DOM rects (O(log nodes) reads of layout); only top-level rects are read, so a
 * chunk `content-visibility` skips is never laid out for them. Returns a function that stops
 * watching.
 */
export function watchNearViewport(view: EditorView, initial: PosRange, opened: () => void = () => {}): () => void {
  const win = view.dom.ownerDocument.defaultView ?? window;
  // The top-level nodes' positions: the doc never changes (the reader is read-only).
  const starts: number[] = [];
  const ends: number[] = [];
  view.state.doc.forEach((node, offset) => {
    starts.push(offset);
    ends.push(offset + node.nodeSize);
  });
  const count = starts.length;
  const elements: (Element | null)[] = new Array(count).fill(null);
  const rect = (i: number): DOMRect => {
    let el = elements[i];
    if (!el?.isConnected) {
      const node = view.nodeDOM(starts[i]);
      el = elements[i] = node instanceof Element ? node : null;
    }
    return el ? el.getBoundingClientRect() : new DOMRect();
  };
  // The first top-level node whose bottom is at or below y, and the last whose top is at or above y.
  const firstEndingBelow = (y: number) => partitionPoint(count, (i) => rect(i).bottom >= y);
  const lastStartingAbove = (y: number) => partitionPoint(count, (i) => rect(i).top > y) - 1;
  // The top-level node holding position `pos` (the last when past the end).
  const nodeAt = (pos: number) => Math.min(count - 1, partitionPoint(count, (i) => ends[i] > pos));
  let painted = { first: nodeAt(initial.from), last: nodeAt(Math.max(initial.from, initial.to - 1)) };
  const selectionUnread = () => {
    const dom = view.dom.ownerDocument.getSelection();
    if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return false;
    const { anchor, head } = view.state.selection;
    try {
      return view.posAtDOM(dom.anchorNode, dom.anchorOffset) !== anchor || view.posAtDOM(dom.focusNode, dom.focusOffset) !== head;
    } catch {
      return false;
    }
  };

  // `margin`: how many viewport heights above and below count as near.
  const measure = (force: boolean, margin = 1, waited = 0): void => {
    if (view.isDestroyed || count === 0 || view.dom.getClientRects().length === 0) return;
    // A dispatch before ProseMirror has read a new DOM selection (its selectionchange is still to
    // come) would put the old one back: wait for it, a few frames at most (a DOM selection
    // ProseMirror maps elsewhere never matches).
    if (waited < 5 && selectionUnread()) {
      win.requestAnimationFrame(() => measure(force, margin, waited + 1));
      return;
    }
    const height = win.innerHeight;
    // A scroll, or a resize's viewport pass, that stays within the painted part changes nothing.
    if ((!force || margin === 0) && firstEndingBelow(0) >= painted.first && lastStartingAbove(height) <= painted.last) return;
    // The viewport is past the first screen: everything is laid out as it comes near, from this frame on.
    opened();
    const first = Math.min(count - 1, firstEndingBelow(-margin * height));
    const last = Math.max(first, lastStartingAbove((1 + margin) * height));
    if (painted.first === first && painted.last === last) return;
    painted = { first, last };
    view.dispatch(setNear(view.state.tr, { from: starts[first], to: ends[last] }));
  };

  let frame = 0;
  let margins = 0;
  // A scroll of the reader or of what holds it; another scroller's (the panel's list) moves nothing here.
  const later = (event?: Event) => {
    const target = event?.target;
    if (target instanceof Element && !target.contains(view.dom)) return;
    if (!frame) frame = win.requestAnimationFrame(() => {
      frame = 0;
      measure(false);
    });
  };
  // After a resize (the first layout included) the viewport is painted in this frame, the margins
  // in a task after it: a first paint waits for what is in view only.
  const resized = new ResizeObserver(() => {
    measure(true, 0);
    win.clearTimeout(margins);
    margins = win.setTimeout(() => {
      opened();
      measure(true);
    });
  });
  resized.observe(view.dom);
  view.dom.ownerDocument.addEventListener('scroll', later, { capture: true, passive: true });
  win.addEventListener('resize', later);
  return () => {
    win.cancelAnimationFrame(frame);
    win.clearTimeout(margins);
    resized.disconnect();
    view.dom.ownerDocument.removeEventListener('scroll', later, { capture: true });
    win.removeEventListener('resize', later);
  };
}
