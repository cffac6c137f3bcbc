import { BLOCK_SEPARATOR, type Block, type BlockType, type InlineMark } from './article.js';

/** Block attributes an importer gives when it starts a textblock. */
export type BlockStart = { type: BlockType } & Pick<Block, 'level' | 'quote' | 'ordered'>;

/**
 * Builds a canonical text (see `article.ts`) with its blocks and marks, one piece at a time.
 *
 * Importers call `startBlock`, then `appendText`/`appendCollapsed`/`lineBreak` and
 * `openMark`/`closeMark`, then `endBlock`. Empty blocks are dropped; marks are clipped to the
 * text their block keeps. All offsets are UTF-16 code units in the finished text.
 */
export class ArticleBuilder {
  private parts: string[] = [];
  private length = 0;
  private blocks: Block[] = [];
  private marks: InlineMark[] = [];
  private open: { type: InlineMark['type']; start: number; href?: string }[] = [];
  private current: { attrs: BlockStart; text: string } | null = null;
  /** Whether the current block's text ends in collapsible space (HTML rendering rules). */
  private pendingSpace = false;
  private blockMarks: InlineMark[] = [];

  /** Starts a textblock, ending any that is open. */
  startBlock(attrs: BlockStart): void {
    if (this.current) this.endBlock();
    this.current = { attrs, text: '' };
    this.pendingSpace = false;
  }

  /** Whether a textblock is open. */
  get inBlock(): boolean {
    return this.current !== null;
  }

  /** Appends text as written (plain text files): nothing is collapsed. */
  appendText(text: string): void {
    const block = this.need();
    this.flushSpace();
    block.text += text;
  }

  /**
   * Appends HTML text with white space collapsed as rendered: runs of ASCII white space become
   * one space, never at the start of a block or after a line break, never at its end.
   */
  appendCollapsed(text: string): void {
    const block = this.need();
    // One regex pass and one append: piece by piece, a 5 MB line took seconds.
    let body = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (body.startsWith(' ')) {
      if (block.text.length > 0 && !block.text.endsWith('\n')) this.pendingSpace = true;
      body = body.slice(1);
    }
    if (body === '') return;
    const trailing = body.endsWith(' ');
    if (trailing) body = body.slice(0, -1);
    if (body !== '') {
      block.text += (this.pendingSpace ? ' ' : '') + body;
      this.pendingSpace = false;
    }
    if (trailing) this.pendingSpace = true;
  }

  /** A hard line break inside the block (`<br>`): one LF; collapsible space before it is dropped. */
  lineBreak(): void {
    const block = this.need();
    this.pendingSpace = false;
    block.text += '\n';
  }

  /** Opens an inline mark at the current position. */
  openMark(type: InlineMark['type'], href?: string): void {
    this.need();
    // A mark opened after a space starts after it: `a <b>b</b>` marks only `b`.
    this.flushSpace();
    this.open.push({ type, start: this.blockOffset(), href });
  }

  /** Closes the innermost open mark of `type`. */
  closeMark(type: InlineMark['type']): void {
    const at = this.open.map((m) => m.type).lastIndexOf(type);
    if (at < 0 || !this.current) return;
    const [m] = this.open.splice(at, 1);
    const end = this.blockOffset();
    if (end > m.start) this.blockMarks.push({ type: m.type, start: m.start, end, ...(m.href ? { href: m.href } : {}) });
  }

  /** Ends the open textblock; a block with no text after trimming is dropped. */
  endBlock(): void {
    const block = this.current;
    if (!block) return;
    this.current = null;
    this.pendingSpace = false;
    for (const m of this.open) {
      const end = block.text.length;
      if (end > m.start) this.blockMarks.push({ type: m.type, start: m.start, end, ...(m.href ? { href: m.href } : {}) });
    }
    this.open = [];
    const lead = block.text.length - block.text.replace(/^[ \t\n\r\f]+/, '').length;
    const content = block.text.slice(lead).replace(/[ \t\n\r\f]+$/, '');
    const marks = this.blockMarks;
    this.blockMarks = [];
    if (content === '') return;
    if (this.blocks.length > 0) this.push(BLOCK_SEPARATOR);
    const start = this.length;
    this.push(content);
    this.blocks.push({ ...block.attrs, start, end: this.length });
    for (const m of marks) {
      const s = Math.max(0, m.start - lead);
      const e = Math.min(content.length, m.end - lead);
      if (e > s) this.marks.push({ ...m, start: start + s, end: start + e });
    }
  }

  /** The canonical text, its blocks and marks. Ends any open block. */
  finish(): { text: string; blocks: Block[]; marks: InlineMark[] } {
    this.endBlock();
    return { text: this.parts.join(''), blocks: this.blocks, marks: this.marks };
  }

  private need(): { attrs: BlockStart; text: string } {
    if (!this.current) this.startBlock({ type: 'paragraph' });
    return this.current!;
  }

  private blockOffset(): number {
    return this.current ? this.current.text.length : 0;
  }

  private flushSpace(): void {
    if (this.pendingSpace && this.current) this.current.text += ' ';
    this.pendingSpace = false;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}
