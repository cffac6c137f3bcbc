import { describe as suite, expect, it } from 'vitest';
import { anchor, ONE_SIDED_REASON } from '../../app/core/anchoring/anchor.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { reanchor, SAME_SPAN_REASON } from '../../app/core/anchoring/reanchor.js';
import { contextSupports } from '../../app/core/anchoring/support.js';
import type { Annotation } from '../../app/core/annotation.js';

// A short article; each test removes one paragraph and re-anchors tags made before.
const paragraphs = [
  'The harbour board met on Monday. The auditors found no record of the payment in the minutes, a member said.',
  '“We will not accept this deal,” said Ms. Okafor, according to a statement. Officials found no record of the payment.',
  'In a reply sent late on Friday evening, the spokesperson, according to a written statement, denied every part of it.',
  'The board will meet again next week to vote on the new lease for the northern quay and its two cranes.',
  'Residents were not told. “We will not accept this deal,” said Ms. Okafor, according to a statement from her office.',
  'Then, in a reply sent late on Friday evening, the spokesperson, according to a written statement, denied every part of it.',
];
const text = paragraphs.join('\n\n');
const without = (i: number) => paragraphs.filter((_, j) => j !== i).join('\n\n');
const time = '2026-01-01T00:00:00.000Z';

/** An annotation of `type` on the `nth` (0-based) occurrence of `words` in paragraph `p`. */
const tag = (id: string, type: string, p: number, words: string): Annotation => {
  const from = paragraphs.slice(0, p).reduce((n, s) => n + s.length + 2, 0);
  const start = text.indexOf(words, from);
  if (start < 0 || start >= from + paragraphs[p].length) throw new Error(`${words} is not in paragraph ${p}`);
  return { id, type, target: describe(text, start, start + words.length), note: '', links: [], created: time, modified: time };
};

/** Every word of paragraph `p` tagged as a claim (trailing punctuation left out). */
const everyWord = (p: number, prefix: string): Annotation[] => {
  const from = paragraphs.slice(0, p).reduce((n, s) => n + s.length + 2, 0);
  return [...paragraphs[p].matchAll(/\S+/g)].flatMap((m, k) => {
    const start = from + m.index;
    const end = start + m[0].replace(/[.,”]+$/, '').length;
    return end > start ? [{ id: `${prefix}${k}`, type: 'claim', target: describe(text, start, end), note: '', links: [], created: time, modified: time }] : [];
  });
};

suite('re-anchoring after a paragraph is removed', () => {
  it('orphans a short quote whose words recur elsewhere with only the text after them in common', () => {
    const found = tag('found', 'claim', 1, 'found');
    const after = without(1);
    // The other "found" has the same words after it ("no record of the payment") and other words before.
    expect(after.indexOf('found no record of the payment')).toBeGreaterThan(0);
    expect(anchor(after, found.target)).toMatchObject({ status: 'orphan' });
    const result = reanchor(after, [found]);
    expect(result.annotations).toEqual([]);
    expect(result.orphans.map((o) => o.reason)).toEqual(['the quoted text is in the article only in another context']);
  });

  it('orphans a quoted sentence found again after other words, though the words after it agree', () => {
    const claim = tag('we', 'claim', 1, '“We will not accept this deal,” said Ms.');
    const after = without(1);
    const result = reanchor(after, [claim]);
    expect(result.counts).toEqual({ position: 0, quote: 0, fuzzy: 0, orphan: 1 });
    expect(result.orphans.map((o) => [o.target, o.reason])).toEqual([[claim.target, ONE_SIDED_REASON]]);
  });

  it('orphans every word of the removed paragraph but those of a sentence repeated elsewhere, and keeps the next paragraph exactly', () => {
    const gone = everyWord(1, 'r');
    const kept = everyWord(2, 'k');
    const after = without(1);
    const result = reanchor(after, [...gone, ...kept]);
    const cut = paragraphs[1].length + 2;
    const placed = new Map(result.annotations.map((a) => [a.id, a.target]));
    for (const a of kept) expect(placed.get(a.id)?.position, a.target.quote.exact).toEqual({ type: 'TextPositionSelector', start: a.target.position.start - cut, end: a.target.position.end - cut });
    // Only a word of the sentence that paragraph 4 repeats may be placed: on that copy, at its own place in the sentence.
    const sentence = '“We will not accept this deal,” said Ms. Okafor, according to a statement';
    const [was, now] = [text.indexOf(sentence), after.indexOf(sentence)];
    const moved = gone.filter((a) => placed.has(a.id));
    expect(moved.length).toBeGreaterThan(0);
    for (const a of moved) {
      expect(a.target.position.end).toBeLessThanOrEqual(was + sentence.length);
      expect(placed.get(a.id)!.position.start - now).toBe(a.target.position.start - was);
    }
    for (const a of result.annotations) expect(after.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
  });

  it('places the first words of the paragraph after the removed one, whose text before is gone, at their paragraph', () => {
    const first = tag('first', 'claim', 2, 'In');
    const next = tag('next', 'claim', 2, 'a reply sent');
    const after = without(1);
    const cut = paragraphs[1].length + 2;
    const result = reanchor(after, [first, next]);
    expect(result.orphans).toEqual([]);
    expect(result.annotations.map((a) => a.target.position.start)).toEqual([first.target.position.start - cut, next.target.position.start - cut]);
  });

  it('never puts two annotations of one type on one span: the one whose passage is still there keeps it', () => {
    const gone = tag('gone', 'source', 2, 'the spokesperson');
    const stays = tag('stays', 'source', 5, 'the spokesperson');
    const other = tag('other', 'quote', 2, 'the spokesperson');
    expect(gone.target.quote).toEqual({ ...stays.target.quote });
    const after = without(2);
    const result = reanchor(after, [gone, stays, other]);
    const copy = after.lastIndexOf('the spokesperson');
    expect(result.annotations.map((a) => [a.id, a.type, a.target.position.start])).toEqual([
      ['stays', 'source', copy],
      ['other', 'quote', copy],
    ]);
    expect(result.orphans.map((o) => [o.id, o.reason])).toEqual([['gone', SAME_SPAN_REASON]]);
    expect(result.counts).toEqual({ position: 0, quote: 2, fuzzy: 0, orphan: 1 });
  });

  it('orphans one that would go where an annotation already held has its type, not one of another type', () => {
    const after = without(2);
    const copy = after.lastIndexOf('the spokesperson');
    const held: Annotation = { ...tag('held', 'source', 5, 'the spokesperson'), target: describe(after, copy, copy + 16) };
    const result = reanchor(after, [tag('incoming', 'source', 2, 'the spokesperson'), tag('quoted', 'quote', 2, 'the spokesperson')], [held]);
    expect(result.orphans.map((o) => [o.id, o.reason])).toEqual([['incoming', SAME_SPAN_REASON]]);
    expect(result.annotations.map((a) => [a.id, a.target.position.start])).toEqual([['quoted', copy]]);
  });
});

suite('contextSupports', () => {
  const quote = { type: 'TextQuoteSelector' as const, exact: 'found', prefix: 'The auditors ', suffix: ' no record' };
  const place = (t: string, from = 0) => [t.indexOf('found', from), t.indexOf('found', from) + 5] as const;
  /** `contextSupports` for the first "found" of `t`, with no expected place. */
  const supports = (t: string, q: typeof quote) => contextSupports(t, q, ...place(t));

  it('takes both sides agreeing, edited a little, and refuses one side alone', () => {
    expect(supports('The auditors found no record.', quote)).toBe(true);
    expect(supports('The auditor found no records.', quote)).toBe(true);
    expect(supports('Officials found no record.', quote)).toBe(false);
    expect(supports('The auditors found it at last.', quote)).toBe(false);
  });

  it('takes a side that agrees out to the paragraph break it holds, or to the edge of the text', () => {
    const q = { type: 'TextQuoteSelector' as const, exact: 'found', prefix: 'old paragraph.\n\nAuditors ', suffix: ' it.\n\nNext one' };
    expect(supports('Other text.\n\nAuditors found it.\n\nLater text', q)).toBe(true);
    expect(supports('Auditors found it.', q)).toBe(true);
    expect(supports('Other text.\n\nThe auditors found it.', q)).toBe(false);
    expect(supports('Auditors found it. Later text', q)).toBe(false);
  });

  it('takes one side and the 8 code units beside the span on the other only within 32 code units of where the span is expected', () => {
    const q = { type: 'TextQuoteSelector' as const, exact: 'found', prefix: 'said that the auditors had ', suffix: ' no record of any payment to him' };
    const t = 'It was said that the auditors had found no record xq zvkw plmtr yyhg bbn';
    const [start, end] = place(t);
    expect(contextSupports(t, q, start, end)).toBe(false);
    expect(contextSupports(t, q, start, end, start + 32)).toBe(true);
    expect(contextSupports(t, q, start, end, start - 33)).toBe(false);
    const cut = 'It was said that the auditors had found it, xq zvkw plmtr yyhg bbn';
    expect(contextSupports(cut, q, ...place(cut), place(cut)[0])).toBe(false);
  });

  it('takes a paragraph break on one side only with the other side the same words but for a small edit', () => {
    const q = { type: 'TextQuoteSelector' as const, exact: 'The', prefix: 'the end of one.\n\n', suffix: ' attack on the museum was aimed ' };
    const at = (t: string) => [t.indexOf('The'), t.indexOf('The') + 3] as const;
    // 6 edits in the 32 code units after it (3/4 agree), then 11 (5/8 agree: another sentence).
    expect(contextSupports('Other.\n\nThe attack on the mayor was aimed', q, ...at('Other.\n\nThe attack on the mayor was aimed'))).toBe(true);
    expect(contextSupports('Other.\n\nThe attack on the city was feared', q, ...at('Other.\n\nThe attack on the city was feared'))).toBe(false);
  });
});
