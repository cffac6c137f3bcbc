import type { Node as PMNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { PosRange } from './highlight-plugin.js';

/**
 * Characters of reader text per pixel of window height, rounded up: about 2.7 at the base text
 * size (42em lines, paragraph gaps included).
 */
const CHARS_PER_PIXEL = 3;

/** At most this many top-level nodes are laid out eagerly, whatever their size. */
export const MAX_NODES = 100;

/** What an open shows first: the top-level nodes in view (estimated). */
export interface FirstScreen {
  /** How many top-level nodes, from the first (at most 100). */
  nodes: number;
  /** Their ProseMirror positions: [0, end of the last]. */
  near: PosRange;
}

/**
 * The first screen of `doc` in a viewport of `chars` characters (`viewportChars`): the top-level
 * nodes up to the one that reaches `chars` characters, counted by ProseMirror positions (the few
 * a block's boundaries add do not matter).
 */
export function firstScreen(doc: PMNode, chars: number): FirstScreen {
  let nodes = 0;
  let end = 0;
  while (nodes < doc.childCount && nodes < MAX_NODES && end < chars) end += doc.child(nodes++).nodeSize;
  return { nodes, near: { from: 0, to: end } };
}

/**
 * How many characters of reader text the viewport of `win` holds, rounded up: its height times
 * 3 characters per pixel, divided by the reader's text scale (`--reader-scale`, set inline on the
 * root by the font-size control; read without a style recalculation).
 */
export function viewportChars(win: Window): number {
  const scale = Number(win.document.documentElement.style.getPropertyValue('--reader-scale')) || 1;
  return Math.ceil((win.innerHeight * CHARS_PER_PIXEL) / scale);
}

/**
 * Marks the first `nodes` top-level nodes of `doc` with the class `reader-eager` (node
 * decorations; the doc never changes, the reader being read-only), which styles.css exempts from
 * `content-visibility`. The other top-level nodes (blocks, or chunks of them: `build-doc.ts`)
 * have `content-visibility: auto`, and `hidden` while the reader's mount has the class
 * `reader-opening` (see `openFirstScreen`).
 */
export function eagerLayoutPlugin(doc: PMNode, nodes: number): Plugin {
  const decorations: Decoration[] = [];
  let pos = 0;
  for (let i = 0; i < nodes; i++) {
    const size = doc.child(i).nodeSize;
    decorations.push(Decoration.node(pos, pos + size, { class: 'reader-eager' }));
    pos += size;
  }
  const set = DecorationSet.create(doc, decorations);
  return new Plugin({ props: { decorations: () => set } });
}

/**
 * Lays out only the first screen in the first frame of an open: gives `mount` the class
 * `reader-opening` until the returned function is called (by the viewport watcher: after that
 * frame is painted, or before it is painted when the first screen does not cover the viewport).
 * Blocks with `content-visibility: auto` are skipped until Chromium has laid the frame out and
 * found them within 150% of the viewport's height, then laid out again in the same frame: 2.5
 * viewports, twice. Hidden while opening, the blocks past the first screen are laid out a frame
 * later, those near the viewport only.
 */
export function openFirstScreen(mount: HTMLElement): () => void {
  mount.classList.add('reader-opening');
  return () => mount.classList.remove('reader-opening');
}
