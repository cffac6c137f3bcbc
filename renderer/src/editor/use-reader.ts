import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Annotation, AnnotationType } from '../../../app/core/annotation.js';
import type { Article } from '../../../app/core/article.js';
import { labelForKey, type Label } from '../../../app/core/labels.js';
import { sentenceEdge } from '../../../app/core/word-step.js';
import { afterNextFrame } from '../after-frame.js';
import { buildDoc } from './build-doc.js';
import { eagerLayoutPlugin, firstScreen, openFirstScreen, viewportChars } from './first-screen.js';
import { highlightKey, highlightPlugin, pinHighlights, setHighlights } from './highlight-plugin.js';
import { findPlugin, showFindMatches } from './find-plugin.js';
import type { TextMatch } from '../../../app/core/find.js';
import { watchNearViewport } from './near-viewport.js';
import { TextProjection } from './projection.js';
import { caretElement } from './caret-element.js';
import { readOnlyPlugin } from './read-only-plugin.js';
import { holdScroll, readingOffset, readingPosition, scrollerOf, scrollTopFor, TEXT_SIZE_WILL_CHANGE } from './reading-position.js';
import { markKeyboardFocus } from './keyboard-focus.js';
import { hideSelectionFromReact } from './react-selection-guard.js';

/**
 * The label a key press tags with, if any: the label whose key is the letter or digit typed, or
 * the one on that physical key of a US layout (`KeyC`, `Digit1`, …), so the keys work on
 * Cyrillic, Arabic or Hebrew layouts too. Null with Ctrl, Cmd or Alt.
 */
export function tagKeyType(event: KeyboardEvent, labels: readonly Label[]): AnnotationType | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const physical = /^(Key[A-Z]|Digit[0-9])$/.test(event.code) ? event.code.slice(-1).toLowerCase() : '';
  return (labelForKey(labels, event.key.toLowerCase()) ?? labelForKey(labels, physical))?.id ?? null;
}

/** Keys that extend the reader's selection to the end (`)`) or the start (`(`) of the sentence. */
const SENTENCE_KEYS: Readonly<Record<string, boolean>> = { ')': true, '(': false };

/** Whether a key press deletes the selected annotation: Delete, or Ctrl/Cmd+Backspace (never a bare Backspace). */
export function isDeleteKey(event: KeyboardEvent): boolean {
  return (event.key === 'Delete' && !event.altKey) || (event.key === 'Backspace' && (event.ctrlKey || event.metaKey));
}

/**
 * Which end of the doc a key press goes to: Ctrl/Cmd+Home or Cmd+Up (macOS) the start,
 * Ctrl/Cmd+End or Cmd+Down the end (Shift or not); null for other keys.
 */
function documentEdgeKey(event: KeyboardEvent): 'start' | 'end' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === 'Home' || (event.metaKey && !event.ctrlKey && event.key === 'ArrowUp')) return 'start';
  if (event.key === 'End' || (event.metaKey && !event.ctrlKey && event.key === 'ArrowDown')) return 'end';
  return null;
}

/** `tr` with its selection collapsed to the selection's end (unchanged when empty). */
function collapseToEnd(tr: Transaction): Transaction {
  return tr.selection.empty ? tr : tr.setSelection(TextSelection.create(tr.doc, tr.selection.to));
}

/** What the reader tells the app. */
export interface ReaderEvents {
  /** The labels whose keys tag the selection. */
  labels: readonly Label[];
  onTag(type: AnnotationType): void;
  onDelete(): void;
  /** A click: the annotations under it, innermost first (empty when none), and where. */
  onClickAnnotations(ids: string[], x: number, y: number): void;
  /** The pointer entered an annotation (its innermost id) or left them all (null). */
  onHoverAnnotation?(id: string | null): void;
  /**
   * A context menu was asked for (right click, Menu key): the annotations under the pointer (from
   * the keyboard, `fromKeyboard`, under the caret), innermost first, and where.
   */
  onContextMenu?(ids: string[], x: number, y: number, fromKeyboard: boolean): void;
}

/** The reader's handle: the selection as canonical offsets, and scrolling to an annotation. */
export interface ReaderHandle {
  /** The selection as [start, end) in UTF-16 code units of the canonical text, or null when empty. */
  selection(): { start: number; end: number } | null;
  /** Collapses the selection to its end (after tagging it), so the next drag starts a new one. */
  collapse(): void;
  scrollTo(id: string): void;
  focus(): void;
  /** Where the analyst is reading (`readingOffset`, reading-position.ts): an offset of the canonical text (UTF-16), or null without an article. */
  readingOffset(): number | null;
  /** Puts the caret at `offset` of the canonical text (UTF-16), the view not scrolled: where next and previous went. */
  placeCaret(offset: number): void;
  /** Paints the find bar's matches (canonical offsets, UTF-16) with `current` the current one, scrolled into view; `[]`, -1 clears them. */
  showMatches(matches: readonly TextMatch[], current: number): void;
  /** Focuses the reader with [start, end) of the canonical text (UTF-16) selected and in view, ready to be tagged. */
  selectText(start: number, end: number): void;
}

function annotationIdsAt(target: EventTarget | null, root: HTMLElement): string[] {
  const ids: string[] = [];
  for (let el = target instanceof Element ? target : null; el && el !== root; el = el.parentElement) {
    const id = el.getAttribute('data-annotation-id');
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Owns the reader's ProseMirror `EditorView`: builds it for `article`, repaints highlights when
 * `annotations`, `selectedId` or the `linked` ids (marked as attribution) change, and reports keys and clicks through `events`.
 */
export function useReader(
  mount: RefObject<HTMLDivElement | null>,
  article: Article | null,
  annotations: readonly Annotation[],
  selectedId: string | null,
  events: ReaderEvents,
  linked: ReadonlySet<string>,
): ReaderHandle {
  const viewRef = useRef<{ view: EditorView; projection: TextProjection } | null>(null);
  const eventsRef = useRef(events);
  eventsRef.current = events;
  // What a new view paints in its first DOM: the highlights effect then finds nothing to change.
  const shownRef = useRef({ annotations, selectedId, linked });
  // A `collapse` waiting for the next highlights transaction.
  const collapsing = useRef(false);
  shownRef.current = { annotations, selectedId, linked };

  useEffect(() => {
    if (!article || !mount.current) return;
    const doc = buildDoc(article);
    const projection = new TextProjection(doc, article.blocks.map((b) => b.start));
    const root = mount.current;
    // Holds the reader's scroller at `target(scroller)` while the layout settles (reading-position.ts).
    let endHold = () => {};
    const hold = (target: (scroller: Element) => number) => {
      endHold();
      const scroller = scrollerOf(root);
      endHold = holdScroll(scroller, root, () => target(scroller));
    };
    // The first frame lays out the first screen only, and paints its highlights.
    const first = firstScreen(doc, viewportChars(root.ownerDocument.defaultView ?? window));
    const opened = openFirstScreen(root);
    const view = new EditorView(root, {
      state: EditorState.create({ doc, plugins: [readOnlyPlugin(), highlightPlugin(projection, { ...shownRef.current, near: first.near }), findPlugin(), eagerLayoutPlugin(doc, first.nodes)] }),
      attributes: { 'aria-label': 'Article text', 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' },
      handleKeyDown(view, event) {
        if (isDeleteKey(event)) {
          eventsRef.current.onDelete();
          return true;
        }
        const edge = documentEdgeKey(event);
        if (edge) {
          // The caret (or, with Shift, the selection's head) goes to the doc's start or end, and
          // the scroller to its top or bottom, held there while the blocks near it are laid out.
          const { doc, selection } = view.state;
          const head = (edge === 'end' ? Selection.atEnd(doc) : Selection.atStart(doc)).head;
          view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, event.shiftKey ? selection.anchor : head, head)));
          hold((scroller) => (edge === 'end' ? scroller.scrollHeight : 0));
          return true;
        }
        const forward = event.ctrlKey || event.metaKey || event.altKey ? undefined : SENTENCE_KEYS[event.key];
        if (forward !== undefined) {
          // The selection's head moves to the sentence edge; its anchor stays.
          const { anchor, head } = view.state.selection;
          const edge = projection.toPos(sentenceEdge(article.text, projection.toOffset(head), forward));
          view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, edge)).scrollIntoView());
          return true;
        }
        const type = tagKeyType(event, eventsRef.current.labels);
        if (type) {
          eventsRef.current.onTag(type);
          return true;
        }
        return false;
      },
      handleDOMEvents: {
        contextmenu(view, event) {
          if (!eventsRef.current.onContextMenu) return false;
          event.preventDefault();
          // From the keyboard (Menu key, Shift+F10) there is no pointer (Chromium says no button, -1;
          // older ones no point either) and the target is the reader: the menu is about the caret.
          if (event.button >= 0 && (event.clientX !== 0 || event.clientY !== 0)) {
            eventsRef.current.onContextMenu(annotationIdsAt(event.target, view.dom), event.clientX, event.clientY, false);
            return true;
          }
          const at = view.coordsAtPos(view.state.selection.head);
          eventsRef.current.onContextMenu(annotationIdsAt(caretElement(view), view.dom), at.left, at.bottom, true);
          return true;
        },
        mouseover(view, event) {
          eventsRef.current.onHoverAnnotation?.(annotationIdsAt(event.target, view.dom)[0] ?? null);
          return false;
        },
      },
      handleClick(view, _pos, event) {
        eventsRef.current.onClickAnnotations(annotationIdsAt(event.target, view.dom), event.clientX, event.clientY);
        return false;
      },
    });
    hideSelectionFromReact(view.dom);
    const unmarkFocus = markKeyboardFocus(view.dom);
    // A text-size change keeps the line at the top of the reader where it was, and the selected highlight in view.
    const keepReadingPosition = () => {
      const selected = view.dom.querySelectorAll('.hl-selected');
      const position = readingPosition(view, scrollerOf(root), selected[selected.length - 1] ?? null);
      if (position) hold((scroller) => scrollTopFor(view, scroller, position));
    };
    root.ownerDocument.addEventListener(TEXT_SIZE_WILL_CHANGE, keepReadingPosition);
    viewRef.current = { view, projection };
    let settled = false;
    const stopWatching = watchNearViewport(view, first.near, () => {
      opened();
      // A User Timing mark for the benchmarks (bench/): just after the frame that lays out the
      // blocks past the first screen too (those near the viewport), once per article.
      if (!settled) afterNextFrame(() => performance.mark('attest:reader-settled'));
      settled = true;
    });
    return () => {
      root.ownerDocument.removeEventListener(TEXT_SIZE_WILL_CHANGE, keepReadingPosition);
      endHold();
      stopWatching();
      unmarkFocus();
      opened();
      view.destroy();
      viewRef.current = null;
    };
  }, [article, mount]);

  useEffect(() => {
    const current = viewRef.current;
    if (!current) return;
    const { view } = current;
    const tr = setHighlights(view.state.tr, annotations, selectedId, linked);
    // A collapse asked for in this task (a tag) goes in the same transaction: one selection write.
    if (collapsing.current) {
      collapsing.current = false;
      collapseToEnd(tr);
    }
    view.dispatch(tr);
    // User Timing marks for the benchmarks (bench/): the highlights are in the DOM, and just after
    // the frame that paints them; both say how many annotations they show.
    const detail = { annotations: annotations.length };
    performance.mark('attest:highlights-applied', { detail });
    afterNextFrame(() => performance.mark('attest:highlights-painted', { detail }));
  }, [article, annotations, selectedId, linked]);

  return useMemo<ReaderHandle>(() => ({
    selection() {
      const current = viewRef.current;
      if (!current) return null;
      // The editor state keeps its last selection after the analyst selects elsewhere (the title,
      // the margin): only a live, non-empty DOM selection inside the reader counts.
      const live = document.getSelection();
      if (!live || live.isCollapsed || !live.anchorNode || !current.view.dom.contains(live.anchorNode) || !current.view.dom.contains(live.focusNode)) return null;
      const { from, to } = current.view.state.selection;
      if (from === to) return null;
      return { start: current.projection.toOffset(from), end: current.projection.toOffset(to) };
    },
    collapse() {
      // With the highlights a tag repaints, when React renders them in this task's microtasks;
      // else by itself, once they have run.
      collapsing.current = true;
      queueMicrotask(() => {
        if (!collapsing.current) return;
        collapsing.current = false;
        const view = viewRef.current?.view;
        if (view && !view.state.selection.empty) view.dispatch(collapseToEnd(view.state.tr));
      });
    },
    scrollTo(id) {
      const current = viewRef.current;
      if (!current) return;
      const { view, projection } = current;
      const selector = `[data-annotation-id="${CSS.escape(id)}"]`;
      // Highlights are painted near the viewport only: one far away is painted first.
      const annotation = view.dom.querySelector(selector) ? null : highlightKey.getState(view.state)?.annotations.find((a) => a.id === id);
      if (annotation) view.dispatch(pinHighlights(view.state.tr, { from: projection.toPos(annotation.target.position.start), to: projection.toPos(annotation.target.position.end) }));
      view.dom.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'auto' });
    },
    focus() {
      viewRef.current?.view.focus();
    },
    readingOffset() {
      const current = viewRef.current;
      return current ? readingOffset(current.view, current.projection) : null;
    },
    placeCaret(offset) {
      const current = viewRef.current;
      if (!current) return;
      const { view, projection } = current;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, projection.toPos(offset))));
    },
    showMatches(matches, current) {
      const live = viewRef.current;
      if (live) showFindMatches(live.view, live.projection, matches, current);
    },
    selectText(start, end) {
      const current = viewRef.current;
      if (!current) return;
      const { view, projection } = current;
      // ProseMirror takes a selection into the DOM only once it has focus.
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, projection.toPos(start), projection.toPos(end))).scrollIntoView());
    },
  }), []);
}
