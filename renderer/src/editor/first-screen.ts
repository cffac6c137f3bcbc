import type { Node as PMNode } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { PosRange } from './highlight-plugin.js';

/**
 * Characters of reader text per pixel of window height, rounded up: about 2.7 at the base text
 * size (42em lines, paragraph gaps included).
 */
const CHARS_PER_PIXEL = 3;

/**
 * How many viewport heights from the top the first frame of an open lays out: the viewport plus
 * the 150% margin below it in which Chromium counts `content-visibility: auto` content as near.
 */
const LAID_OUT_VIEWPORTS = 2.5;

/** At most this many top-level nodes are laid out eagerly, whatever their size. */
const MAX_NODES = 100;

/** What an open shows first: the top-level nodes laid out at once, and the part in view (estimated). */
export interface FirstScreen {
  /** How many top-level nodes, from the first, the first frame lays out (at most 100). */
  nodes: number;
  /** ProseMirror positions [0, end of the last top-level node of the viewport's characters]. */
  near: PosRange;
}

/**
 * The first screen of `doc` in a viewport of `chars` characters (`viewportChars`): the part in
 * view, and the top-level nodes that hold 2.5 times as many characters. Characters are counted by
 * ProseMirror positions (the few a block's boundaries add do not matter).
 */
export function firstScreen(doc: PMNode, chars: number): FirstScreen {
  let nodes = 0;
  let end = 0;
  let near: PosRange | null = null;
  while (nodes < doc.childCount && nodes < MAX_NODES && end < chars * LAID_OUT_VIEWPORTS) {
    end += doc.child(nodes++).nodeSize;
    if (!near && end >= chars) near = { from: 0, to: end };
  }
  return { nodes, near: near ?? { from: 0, to: end } };
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
 * `content-visibility: auto`. Content with `content-visibility: auto` is skipped until Chromium
 * has laid out the frame and found it near the viewport; content found near then is laid out
 * again in the same frame. The first screenful laid out from the start spares an open that
 * second layout; a first screenful larger than estimated still gets it, so only speed depends on
 * the estimate.
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
