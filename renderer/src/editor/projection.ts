import type { Node as PMNode } from 'prosemirror-model';
import { partitionPoint } from '../../../app/core/partition-point.js';

/**
 * The text projection between ProseMirror positions and canonical offsets (UTF-16 code units in
 * the article's canonical text). Built once per doc from the doc (built by `buildDoc`) and the
 * article's block starts: inside a textblock both move one step per code unit, and the block
 * separators of the canonical text have no position of their own.
 */
export class TextProjection {
  private readonly pmStarts: number[] = [];
  private readonly textStarts: number[] = [];
  private readonly lengths: number[] = [];

  constructor(doc: PMNode, blockStarts: readonly number[]) {
    let n = 0;
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      this.pmStarts.push(pos + 1);
      this.textStarts.push(blockStarts[n++]);
      this.lengths.push(node.content.size);
      return false;
    });
    if (n !== blockStarts.length) throw new Error(`the doc has ${n} textblocks, the article ${blockStarts.length}`);
  }

  /** The ProseMirror position of canonical offset `offset`; an offset in a separator maps to the end of the block before it. */
  toPos(offset: number): number {
    const i = Math.max(0, lastAtOrBefore(this.textStarts, offset));
    return this.pmStarts[i] + Math.max(0, Math.min(offset - this.textStarts[i], this.lengths[i]));
  }

  /** How many textblocks the doc has (one per article block). */
  get blockCount(): number {
    return this.pmStarts.length;
  }

  /** The index of the textblock holding ProseMirror position `pos` (the nearest before it between blocks; 0 before the first). */
  blockAt(pos: number): number {
    return Math.max(0, lastAtOrBefore(this.pmStarts, pos));
  }

  /** The ProseMirror positions of textblock `index`: `node` before it (for `EditorView.nodeDOM`), its content [from, to]. */
  block(index: number): { node: number; from: number; to: number } {
    const from = this.pmStarts[index];
    return { node: from - 1, from, to: from + this.lengths[index] };
  }

  /** The canonical offset of ProseMirror position `pos`; a position between textblocks clamps to the nearest block. */
  toOffset(pos: number): number {
    const i = lastAtOrBefore(this.pmStarts, pos);
    if (i < 0) return this.textStarts[0] ?? 0;
    return this.textStarts[i] + Math.max(0, Math.min(pos - this.pmStarts[i], this.lengths[i]));
  }
}

/** Index of the last element of ascending `values` that is <= `x`, or -1. */
function lastAtOrBefore(values: readonly number[], x: number): number {
  return partitionPoint(values.length, (i) => values[i] > x) - 1;
}
