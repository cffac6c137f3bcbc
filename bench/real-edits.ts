/**
 * Realistic edits of a real article's canonical text with a known ground truth for every span:
 * whole paragraphs removed, copied (repeated boilerplate) and moved, sentences reworded a word at a
 * time, typos fixed. The edited text is kept as pieces, each either a run of the old text (with
 * its old offset) or new text, so every old offset maps to its new one, or to none when it was
 * removed. Used by `bench/reanchor-real.ts`. Offsets are UTF-16 code units.
 */
import { BLOCK_SEPARATOR } from '../app/core/article.js';

/** A run of the edited text: `src` is the old offset of its first code unit, null for new text (a copy or a retyped word). */
interface Piece {
  text: string;
  src: number | null;
}

/** What became of an old span [start, end): where it is now, and whether an edit touched it. */
export type SpanFate =
  | { kind: 'untouched'; start: number; end: number; lo: number; hi: number }
  | { kind: 'touched'; lo: number; hi: number; keptFrom: number; keptTo: number }
  | { kind: 'removed' };

/** A word of a text: [start, end), UTF-16 offsets. */
export interface Word {
  start: number;
  end: number;
}

/** The word-like segments of `text` (Intl.Segmenter, so scripts without spaces have words too). */
export function wordsOf(text: string): Word[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ start: s.index, end: s.index + s.segment.length }));
}

/** An editable copy of a text that maps old offsets through its edits. */
export class EditedText {
  private pieces: Piece[];

  constructor(private readonly old: string) {
    this.pieces = [{ text: old, src: 0 }];
  }

  /** The text now. */
  get text(): string {
    return this.pieces.map((p) => p.text).join('');
  }

  /** Paragraphs of the text now, [start, end) each, between block separators. */
  paragraphs(): Word[] {
    const text = this.text;
    const out: Word[] = [];
    let from = 0;
    for (;;) {
      const at = text.indexOf(BLOCK_SEPARATOR, from);
      out.push({ start: from, end: at < 0 ? text.length : at });
      if (at < 0) return out;
      from = at + BLOCK_SEPARATOR.length;
    }
  }

  /** Replaces [from, to) of the text now with `insert` (new text). */
  replace(from: number, to: number, insert: string): void {
    const a = this.split(from);
    const b = this.split(to);
    this.pieces.splice(a, b - a, ...(insert === '' ? [] : [{ text: insert, src: null }]));
  }

  /** Moves [from, to) of the text now to offset `at` of the text without it (its old runs keep their offsets). */
  move(from: number, to: number, at: number): void {
    const a = this.split(from);
    const b = this.split(to);
    const cut = this.pieces.splice(a, b - a);
    this.pieces.splice(this.split(at), 0, ...cut);
  }

  /** The old offset of the code unit at `offset` of the text now, -1 for new text. */
  oldOffset(offset: number): number {
    let at = 0;
    for (const p of this.pieces) {
      if (offset < at + p.text.length) return p.src === null ? -1 : p.src + offset - at;
      at += p.text.length;
    }
    return -1;
  }

  /** Where each old offset is now (-1: removed), and which offsets of the text now are new text. */
  mapping(): { now: Int32Array; fresh: Uint8Array } {
    const now = new Int32Array(this.old.length).fill(-1);
    const fresh = new Uint8Array(this.text.length);
    let at = 0;
    for (const p of this.pieces) {
      for (let k = 0; k < p.text.length; k++) {
        if (p.src === null) fresh[at + k] = 1;
        else now[p.src + k] = at + k;
      }
      at += p.text.length;
    }
    return { now, fresh };
  }

  /** The index of the piece that begins at `offset` of the text now, splitting one if needed. */
  private split(offset: number): number {
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      if (offset === at) return i;
      if (offset < at + p.text.length) {
        const k = offset - at;
        this.pieces.splice(i, 1, { text: p.text.slice(0, k), src: p.src }, { text: p.text.slice(k), src: p.src === null ? null : p.src + k });
        return i + 1;
      }
      at += p.text.length;
    }
    return this.pieces.length;
  }
}

/**
 * The fate of old span [start, end) given `mapping()`: untouched (every code unit kept, in order,
 * side by side: its new range, and `lo`/`hi` widening it over new text right beside it), removed (none kept), else touched: `keptFrom`/`keptTo` are where its
 * first and last kept code units are now, and `lo`/`hi` widen that over new text an edit put
 * right beside them (a placement inside [lo, hi) covering some kept text is right).
 */
export function fateOf(map: { now: Int32Array; fresh: Uint8Array }, start: number, end: number): SpanFate {
  const kept: number[] = [];
  for (let i = start; i < end; i++) if (map.now[i] >= 0) kept.push(map.now[i]);
  if (kept.length === 0) return { kind: 'removed' };
  const whole = kept.length === end - start && kept.every((n, k) => n === kept[0] + k);
  if (whole) {
    // New text right beside it may be taken in (was the word inserted inside the span or beside it?).
    let [lo, hi] = [kept[0], kept[0] + kept.length];
    while (lo > 0 && map.fresh[lo - 1]) lo--;
    while (hi < map.fresh.length && map.fresh[hi]) hi++;
    return { kind: 'untouched', start: kept[0], end: kept[0] + kept.length, lo, hi };
  }
  const keptFrom = Math.min(...kept);
  const keptTo = Math.max(...kept) + 1;
  let lo = keptFrom;
  let hi = keptTo;
  // New text at an edge may count as the span's or not (was the word inserted inside it or beside it?).
  while (lo > 0 && map.fresh[lo - 1]) lo--;
  while (hi < map.fresh.length && map.fresh[hi]) hi++;
  return { kind: 'touched', lo, hi, keptFrom, keptTo };
}

/**
 * Edits `text` as an editor might, with `random` (seeded) choosing where: removes about one
 * paragraph in ten (at least one), rewords three sentences (a word replaced by another of the
 * article, one deleted, one inserted), fixes five typos (a letter inside a word changed), moves
 * one paragraph and inserts a copy of a paragraph elsewhere (not beside its original,
 * nor beside its old neighbours). Paragraphs with fewer than two words are left alone. Returns the editor with every edit applied.
 */
export function editArticle(text: string, random: () => number): EditedText {
  const edited = new EditedText(text);
  const oldParagraphs = new EditedText(text).paragraphs();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const prose = () => edited.paragraphs().filter((p) => wordsOf(edited.text.slice(p.start, p.end)).length >= 2);
  const vocabulary = wordsOf(text).map((w) => text.slice(w.start, w.end)).filter((w) => w.length >= 3);
  const removeParagraph = () => {
    const all = edited.paragraphs();
    if (all.length < 3) return;
    const k = Math.floor(random() * all.length);
    // The paragraph and one separator beside it.
    if (k < all.length - 1) edited.replace(all[k].start, all[k + 1].start, '');
    else edited.replace(all[k - 1].end, all[k].end, '');
  };
  const copyParagraph = () => {
    const all = edited.paragraphs();
    const from = pick(prose());
    if (!from) return;
    // Not beside its original ("P P" is the same text whichever of the two is the copy), nor beside
    // a paragraph that was beside it in the old text (after a move, that too is a place where the
    // original may have gone): the copy's context past its breaks is not the original's.
    const k = all.findIndex((p) => p.start === from.start);
    const origin = oldParagraphs.findIndex((p) => p.start <= edited.oldOffset(from.start) && edited.oldOffset(from.start) < p.end);
    const wasBeside = (p: Word | undefined) => {
      const o = p ? oldParagraphs.findIndex((q) => q.start <= edited.oldOffset(p.start) && edited.oldOffset(p.start) < q.end) : -1;
      return o >= 0 && origin >= 0 && Math.abs(o - origin) === 1;
    };
    const at = pick(all.filter((p, i) => i !== k && i !== k + 1 && !wasBeside(all[i - 1]) && !wasBeside(p)));
    if (at) edited.replace(at.start, at.start, edited.text.slice(from.start, from.end) + BLOCK_SEPARATOR);
  };
  const rewordSentence = () => {
    const p = pick(prose());
    if (!p) return;
    const body = edited.text.slice(p.start, p.end);
    const sentences = [...body.matchAll(/[^.!?。！？]+[.!?。！？]*/gu)].filter((m) => wordsOf(m[0]).length >= 4);
    if (sentences.length === 0) return;
    const s = pick(sentences);
    const from = p.start + s.index;
    // From the end backwards, so the offsets of the words before stay good.
    const words = wordsOf(s[0]).map((w) => ({ start: from + w.start, end: from + w.end }));
    const chosen = [...new Set([pick(words), pick(words), pick(words)])].sort((a, b) => b.start - a.start);
    chosen.forEach((w, k) => {
      if (k % 3 === 0) edited.replace(w.start, w.end, pick(vocabulary));
      else if (k % 3 === 1 && edited.text[w.end] === ' ') edited.replace(w.start, w.end + 1, '');
      else edited.replace(w.start, w.start, `${pick(vocabulary)} `);
    });
  };
  const fixTypo = () => {
    const p = pick(prose());
    if (!p) return;
    const words = wordsOf(edited.text.slice(p.start, p.end)).filter((w) => w.end - w.start >= 4);
    if (words.length === 0) return;
    const w = pick(words);
    const at = p.start + w.start + 1 + Math.floor(random() * (w.end - w.start - 2));
    const letter = 'etaoinshrdlu'[Math.floor(random() * 12)];
    if (edited.text[at] !== letter) edited.replace(at, at + 1, letter);
  };
  const moveParagraph = () => {
    const all = edited.paragraphs();
    if (all.length < 4) return;
    const k = Math.floor(random() * (all.length - 1));
    // Before another paragraph (not its own next one: that is where it already is), counted in the text without it.
    const j = pick(all.map((_, i) => i).filter((i) => i !== k && i !== k + 1));
    const length = all[k + 1].start - all[k].start;
    edited.move(all[k].start, all[k + 1].start, j < k ? all[j].start : all[j].start - length);
  };
  for (let i = 0, n = Math.max(1, Math.round(edited.paragraphs().length / 10)); i < n; i++) removeParagraph();
  for (let i = 0; i < 3; i++) rewordSentence();
  for (let i = 0; i < 5; i++) fixTypo();
  moveParagraph();
  // Copies last, so that a copy is the paragraph as it now reads (a copy edited apart from its
  // original afterwards, or moved beside it, would leave no evidence of which one a span was on).
  copyParagraph();
  return edited;
}
