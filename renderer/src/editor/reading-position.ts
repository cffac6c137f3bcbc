import type { EditorView } from 'prosemirror-view';
import type { TextProjection } from './projection.js';

/**
 * The DOM event (on `document`) the text-size control sends just before it changes the reader's
 * text size, so that the reader notes its reading position while the old layout still stands.
 */
export const TEXT_SIZE_WILL_CHANGE = 'attest:text-size-will-change';

/** Tells the reader (through `TEXT_SIZE_WILL_CHANGE`) that its text size is about to change. */
export function announceTextSizeChange(): void {
  document.dispatchEvent(new Event(TEXT_SIZE_WILL_CHANGE));
}

/**
 * A reading position: a ProseMirror position and how far its line is below the scroller's top,
 * in CSS px; `keep`, a position to keep in view as well (the end of the selected highlight).
 */
export interface ReadingPosition {
  pos: number;
  offset: number;
  keep?: number;
}

/** How many frames in a row without a change of layout end a hold. */
const QUIET_FRAMES = 10;

/** A hold never lasts longer than this (ms), even while the layout keeps changing. */
const MAX_HOLD_MS = 3000;

/** The nearest ancestor of `el` that scrolls vertically (`overflow-y` auto or scroll), else the document's scrolling element. */
export function scrollerOf(el: Element): Element {
  for (let at = el.parentElement; at; at = at.parentElement) {
    if (/^(auto|scroll)$/.test(getComputedStyle(at).overflowY)) return at;
  }
  return el.ownerDocument.scrollingElement ?? el.ownerDocument.documentElement;
}

/**
 * The reading position of `view` in `scroller`: the position at the top of the scroller's
 * viewport (`positionAtTop`) and its line's offset below
 * that top, with the end of `highlight` to keep in view when all of it is in view now; null when
 * the text's top is in view (nothing of it is above the viewport to keep).
 */
export function readingPosition(view: EditorView, scroller: Element, highlight: Element | null): ReadingPosition | null {
  const { top, bottom } = scroller.getBoundingClientRect();
  if (view.dom.getBoundingClientRect().top >= top) return null;
  const pos = positionAtTop(view, top);
  if (pos === null) return null;
  const position: ReadingPosition = { pos, offset: view.coordsAtPos(pos, 1).top - top };
  const shown = highlight?.getBoundingClientRect();
  if (highlight && shown && shown.top >= top && shown.bottom <= bottom) position.keep = view.posAtDOM(highlight, highlight.childNodes.length);
  return position;
}

/**
 * The `scrollTop` of `scroller` that puts `position` back at its offset below the scroller's top,
 * or a little further down when that would leave its `keep` below the viewport: just far enough
 * to show it, 6 px clear of the bottom edge.
 */
export function scrollTopFor(view: EditorView, scroller: Element, position: ReadingPosition): number {
  const { top: edge } = scroller.getBoundingClientRect();
  const by = view.coordsAtPos(position.pos, 1).top - edge - position.offset;
  if (position.keep === undefined) return scroller.scrollTop + by;
  // A few px to spare: the selected outline, and rounding to whole px.
  const below = view.coordsAtPos(position.keep, -1).bottom - edge - by - scroller.clientHeight + 6;
  return scroller.scrollTop + by + Math.max(0, below);
}

/**
 * Holds `scroller` at the `scrollTop` that `target` computes, while the layout of `content`
 * settles: blocks with `content-visibility: auto` have estimated sizes until they come near the
 * viewport, so a scroll made once lands elsewhere when they are laid out (and Chromium's scroll
 * anchoring does not make up for it). Sets it now, then again whenever `content` is resized (a
 * ResizeObserver callback: after layout, before paint) and in each animation frame, until
 * `QUIET_FRAMES` frames in a row change nothing, `MAX_HOLD_MS` has passed, or the analyst acts
 * (wheel, touch, a key, a pointer press anywhere). `target` is clamped to the scroll range.
 * Returns a function that ends the hold.
 */
export function holdScroll(scroller: Element, content: Element, target: () => number): () => void {
  const doc = scroller.ownerDocument;
  const win = doc.defaultView ?? window;
  const started = performance.now();
  let quiet = 0;
  let frame = 0;
  const apply = (): boolean => {
    const max = scroller.scrollHeight - scroller.clientHeight;
    const wanted = Math.max(0, Math.min(max, Math.round(target())));
    if (Math.abs(scroller.scrollTop - wanted) < 1) return false;
    scroller.scrollTop = wanted;
    return true;
  };
  const resized = new ResizeObserver(() => {
    if (apply()) quiet = 0;
  });
  const tick = () => {
    quiet = apply() ? 0 : quiet + 1;
    if (quiet >= QUIET_FRAMES || performance.now() - started > MAX_HOLD_MS) stop();
    else frame = win.requestAnimationFrame(tick);
  };
  // The analyst scrolls, or goes elsewhere (a row of the panel, a key): the hold gives way.
  const byAnalyst = () => stop();
  const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  function stop() {
    win.cancelAnimationFrame(frame);
    resized.disconnect();
    for (const type of inputs) doc.removeEventListener(type, byAnalyst, { capture: true });
  }
  for (const type of inputs) doc.addEventListener(type, byAnalyst, { capture: true, passive: true });
  apply();
  resized.observe(content);
  frame = win.requestAnimationFrame(tick);
  return stop;
}

/**
 * Where the analyst is reading in `view`, as an offset of the canonical text (UTF-16 code units,
 * through `projection`): the caret (the DOM selection's focus) when it is in the reader, else the
 * text at the top of the part of the reader in view. ProseMirror's `posAtDOM` and `posAtCoords`
 * find the document position; 0 when neither finds one.
 */
export function readingOffset(view: EditorView, projection: TextProjection): number {
  const live = view.dom.ownerDocument.getSelection();
  if (live?.focusNode && view.dom.contains(live.focusNode)) {
    try {
      return projection.toOffset(view.posAtDOM(live.focusNode, live.focusOffset));
    } catch {
      // A DOM point ProseMirror does not map (outside its content): the view's top then.
    }
  }
  const scroller = scrollerOf(view.dom);
  const pos = positionAtTop(view, scroller === view.dom.ownerDocument.scrollingElement ? 0 : scroller.getBoundingClientRect().top);
  return pos === null ? 0 : projection.toOffset(pos);
}

/**
 * The doc position at the top of the part of `view` in view, `top` being the viewport's top edge
 * (client px): ProseMirror `posAtCoords` a few px into the text column, below `top` or the text's
 * own top, whichever is lower; null when it finds none.
 */
function positionAtTop(view: EditorView, top: number): number | null {
  const box = view.dom.getBoundingClientRect();
  return view.posAtCoords({ left: box.left + 4, top: Math.min(Math.max(top, box.top) + 2, box.bottom - 1) })?.pos ?? null;
}
