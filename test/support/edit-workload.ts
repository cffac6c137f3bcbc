import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation } from '../../app/core/annotation.js';
import { random as prng } from '../../bench/generate.js';

/**
 * A deterministic workload for re-anchoring: a seeded text of sentences, spans on word boundaries,
 * and small edits (insertions, deletions, one-letter typo fixes) away from every span or strictly
 * inside one, with each span's intended range mapped through them. Used by the unit test of
 * re-anchoring and by `bench/reanchor.ts`.
 */

const WORDS = ('the minister said that council officials would review budget report claims on monday after talks with ' +
  'local leaders over tax rates fees and the new plan which critics called rushed while supporters praised its aims ' +
  'police confirmed two arrests near the station late friday according to witnesses who spoke to reporters').split(' ');

/** A text of paragraphs of sentences from `WORDS`, with word boundaries listed (UTF-16 offsets). */
function makeText(random: () => number, paragraphs: number): { text: string; wordStarts: number[]; wordEnds: number[] } {
  const parts: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0, n = 2 + Math.floor(random() * 4); s < n; s++) {
      const words = Array.from({ length: 6 + Math.floor(random() * 12) }, () => WORDS[Math.floor(random() * WORDS.length)]);
      const sentence = words.join(' ');
      sentences.push(`${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
    }
    parts.push(sentences.join(' '));
  }
  const text = parts.join('\n\n');
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    wordStarts.push(m.index);
    wordEnds.push(m.index + m[0].length);
  }
  return { text, wordStarts, wordEnds };
}

/** The annotation types given to spans drawn once, twice, three times. */
const TYPES = ['claim', 'quote', 'source'];

export interface Span {
  id: string;
  start: number;
  end: number;
  /** Whether an edit fell inside it (it may then become an orphan, never a wrong anchor). */
  edited: boolean;
}

type EditKind = 'insert' | 'delete' | 'typo';

/**
 * Applies `count` small edits, half away from every span and half strictly inside one (at least 2
 * code units from its ends, never across another span's end), and maps each span's range through
 * them: the intended moved span.
 */
function edit(random: () => number, text: string, spans: Span[], count: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pick = (s: string) => s[Math.floor(random() * s.length)];
  for (let done = 0; done < count; ) {
    const kind: EditKind = (['insert', 'delete', 'typo'] as const)[done % 3];
    const inside = done % 2 === 1;
    let a: number;
    if (inside) {
      const span = spans[Math.floor(random() * spans.length)];
      if (span.end - span.start < 12) continue;
      a = span.start + 2 + Math.floor(random() * (span.end - span.start - 8));
    } else {
      a = Math.floor(random() * (text.length - 8));
    }
    const b = kind === 'insert' ? a : a + (kind === 'typo' ? 1 : 1 + Math.floor(random() * 6));
    const s = kind === 'delete' ? '' : kind === 'typo' ? pick(letters) : ` ${Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(letters)).join('')}`;
    if (kind === 'typo' && text[a] === s) continue;
    const hits = spans.filter((x) => b > x.start && a < x.end || (a === b && a > x.start && a < x.end));
    // An edit touching a span's end is ambiguous (is inserted text inside the span or beside it?):
    // edits keep one unchanged code unit from every span's ends, inside or outside.
    const touches = spans.some((x) => (b >= x.start - 1 && a <= x.start + 1) || (b >= x.end - 1 && a <= x.end + 1));
    const allowed = !touches && hits.every((x) => a >= x.start + 2 && b <= x.end - 2);
    if (!allowed || (inside ? hits.length === 0 : hits.length > 0)) continue;
    const delta = s.length - (b - a);
    for (const x of spans) {
      if (b <= x.start) {
        x.start += delta;
        x.end += delta;
      } else if (hits.includes(x)) {
        x.end += delta;
        x.edited = true;
      }
    }
    text = text.slice(0, a) + s + text.slice(b);
    done++;
  }
  return text;
}

/**
 * A seeded text of `paragraphs` paragraphs with `annotations` claims on word-boundary spans of 1–10
 * words (a span drawn again holds a quote, then a source: the app allows one annotation of a type
 * per span), then the text after `edits` small edits: `spans` hold each one's intended range there.
 */
export function workload(seed: number, size: { paragraphs: number; annotations: number; edits: number }) {
  const random = prng(seed);
  const { text, wordStarts, wordEnds } = makeText(random, size.paragraphs);
  const time = '2026-01-01T00:00:00.000Z';
  const spans: Span[] = [];
  const annotations: Annotation[] = [];
  for (let i = 0; i < size.annotations; i++) {
    const w = Math.floor(random() * (wordStarts.length - 12));
    const start = wordStarts[w];
    const end = wordEnds[w + Math.floor(random() * 10)];
    // The app holds one annotation of a type per span: a span drawn again gets the next type.
    const type = TYPES[spans.filter((s) => s.start === start && s.end === end).length % TYPES.length];
    spans.push({ id: `a${i}`, start, end, edited: false });
    annotations.push({ id: `a${i}`, type, target: describe(text, start, end), note: '', links: [], created: time, modified: time });
  }
  const after = edit(random, text, spans, size.edits);
  return { before: text, after, spans, annotations };
}
