import { describe as suite, expect, it } from 'vitest';
import { anchor } from '../../app/core/anchoring/anchor.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { fuzzyMatch, SEARCH_WINDOW } from '../../app/core/anchoring/fuzzy.js';
import { findByContext, nearestOccurrence, paragraphContextScore } from '../../app/core/anchoring/quote-search.js';
import { reanchor } from '../../app/core/anchoring/reanchor.js';
import { mayOccurOutside, MIN_PIECE_LENGTH } from '../../app/core/anchoring/rival.js';
import { PlacedStarts } from '../../app/core/anchoring/shift.js';
import type { Annotation } from '../../app/core/annotation.js';
import { random as prng } from '../../bench/generate.js';

/** A text over a tiny alphabet, so that quotes recur and near-copies abound. */
const randomText = (random: () => number, length: number, alphabet = 'ab c') =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

/** Filler sentences that share no word of eight letters or more with the passages of the tests. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i} of the minutes lists nothing of note.`).join(' ');

suite('exact quote by context (step 2 of anchor)', () => {
  it('nearestOccurrence finds the occurrence nearest an offset, ties to the earlier one, far or near', () => {
    const text = `${'x'.repeat(5000)}AB${'x'.repeat(20)}AB${'x'.repeat(20)}AB${'x'.repeat(5000)}`;
    expect(nearestOccurrence(text, 'AB', 5023)).toBe(5022);
    expect(nearestOccurrence(text, 'AB', 5012)).toBe(5022); // 12 before, 10 after: the one after is nearer
    expect(nearestOccurrence(text, 'AB', 5011)).toBe(5000); // 11 either way: the earlier
    expect(nearestOccurrence(text, 'AB', 0)).toBe(5000);
    expect(nearestOccurrence(text, 'AB', text.length)).toBe(5044);
    expect(nearestOccurrence(text, 'AB', -1)).toBe(5000);
    expect(nearestOccurrence(text, 'ABC', 5000)).toBe(-1);
  });

  it.each([
    ['without paragraph breaks', 'ab c'],
    ['with paragraph breaks', 'ab c\n'],
  ])('findByContext agrees with scoring every occurrence, on texts where quotes recur (%s)', (_name, alphabet) => {
    const random = prng(11);
    for (let n = 0; n < 400; n++) {
      const text = randomText(random, 300, alphabet);
      const start = Math.floor(random() * 280);
      const target = describe(text, start, start + 1 + Math.floor(random() * 6));
      const edited = randomText(random, Math.floor(random() * 40), alphabet) + text.slice(0, 150) + randomText(random, Math.floor(random() * 3), alphabet) + text.slice(150);
      const near = Math.floor(random() * edited.length);
      // The definition: the most context, then the nearest to `near`, then the first; at least half the context.
      const { exact, prefix, suffix } = target.quote;
      let best = -1;
      for (let i = edited.indexOf(exact); i >= 0; i = edited.indexOf(exact, i + 1)) {
        const [a, b] = [paragraphContextScore(edited, target.quote, i), best < 0 ? -1 : paragraphContextScore(edited, target.quote, best)];
        if (best < 0 || a > b || (a === b && Math.abs(i - near) < Math.abs(best - near))) best = i;
      }
      const expected = best >= 0 && paragraphContextScore(edited, target.quote, best) * 2 >= prefix.length + suffix.length ? best : -1;
      expect(findByContext(edited, target.quote, near), JSON.stringify({ edited, quote: target.quote, near })).toBe(expected);
    }
  });
});

suite('where the text moved (PlacedStarts)', () => {
  it('takes the shift of the nearest placed span at or before an offset, else the first after (or the first after, else the last); 0 with none', () => {
    const placed = new PlacedStarts([
      { from: 500, to: 480 },
      { from: 100, to: 130 },
    ]);
    const shift = (old: number, side?: 'before' | 'after') => placed.shift(old, side);
    expect([shift(0), shift(100), shift(499), shift(500), shift(9999)]).toEqual([30, 30, 30, -20, -20]);
    // From the next placed span on: the first after the offset, else the last.
    expect([shift(0, 'after'), shift(100, 'after'), shift(499, 'after'), shift(500, 'after'), shift(9999, 'after')]).toEqual([30, -20, -20, -20, -20]);
    expect(new PlacedStarts([]).shift(42)).toBe(0);
  });
});

suite('ruling out rivals outside the search window (mayOccurOutside)', () => {
  /**
   * Brute force: the least edits between `pattern` and text[s, e) for each end e, over the starts s
   * that `allowed` admits (a plain Levenshtein table with a free start).
   */
  const leastByEnd = (text: string, pattern: string, allowed: (s: number) => boolean): number[] => {
    let row = Array.from({ length: text.length + 1 }, () => Infinity);
    for (let j = 0; j <= text.length; j++) row[j] = allowed(j) ? 0 : j === 0 ? Infinity : row[j - 1] + 1;
    for (let i = 1; i <= pattern.length; i++) {
      const next = [row[0] + 1];
      for (let j = 1; j <= text.length; j++) next[j] = Math.min(row[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), row[j] + 1, next[j - 1] + 1);
      row = next;
    }
    return row;
  };

  it('is never false when the pattern occurs within the edits somewhere not wholly inside the window', () => {
    const random = prng(5);
    let proofs = 0;
    for (let n = 0; n < 300; n++) {
      const text = randomText(random, 400, 'abcdefgh ');
      const pattern = text.slice(50, 50 + 15 + Math.floor(random() * 30));
      const k = Math.floor(random() * 4);
      const [from, to] = [Math.floor(random() * 200), 200 + Math.floor(random() * 200)];
      const endsAfter = leastByEnd(text, pattern, () => true).some((d, e) => e > to && d <= k);
      const startsBefore = leastByEnd(text, pattern, (s) => s < from).some((d) => d <= k);
      const answer = mayOccurOutside(text, pattern, k, from, to);
      if (endsAfter || startsBefore) expect(answer, JSON.stringify({ text, pattern, k, from, to })).toBe(true);
      if (!answer) proofs++;
    }
    expect(proofs).toBeGreaterThan(50); // and it does prove absence, often
  });

  it('finds an edited copy far away, proves absence otherwise, and gives up on pieces too short', () => {
    const passage = 'the harbour authority approved the dredging contract on Tuesday';
    const text = `${filler(40)} ${passage} ${filler(40)} ${passage.replace('dredging', 'drudging')} ${filler(5)}`;
    const at = text.indexOf(passage);
    expect(mayOccurOutside(text, passage, 1, at - 10, at + passage.length + 10)).toBe(true);
    expect(mayOccurOutside(text, passage, 0, at - 10, at + passage.length + 10)).toBe(false);
    expect(mayOccurOutside(text, passage, Math.floor(passage.length / MIN_PIECE_LENGTH), 0, 1)).toBe(true);
  });
});

suite('fuzzy search around the expected position first', () => {
  const passage = 'the harbour authority approved the dredging contract on Tuesday after a long debate';
  const quote = 'approved the dredging contract on Tuesday';
  const target = (text: string, from = 0) => describe(text, text.indexOf(quote, from), text.indexOf(quote, from) + quote.length);

  it('takes the one of two identically edited passages near the expected position, whichever it is', () => {
    const edit = (s: string) => s.replace('dredging', 'dreging');
    const text = `${filler(10)} ${passage}. ${filler(60)} ${passage}.`;
    const after = `${filler(10)} ${edit(passage)}. ${filler(60)} ${edit(passage)}.`;
    const first = target(text);
    const second = target(text, first.position.end);
    const firstAfter = after.indexOf(edit(quote));
    for (const [t, at] of [[first, firstAfter], [second, after.indexOf(edit(quote), firstAfter + 1)]] as const) {
      const found = fuzzyMatch(after, t.quote, t.position);
      expect(found && found.start).toBe(at);
      expect(found && after.slice(found.start, found.end)).toBe(edit(quote));
    }
  });

  it('falls back to the whole text when the passage moved beyond the window', () => {
    const text = `${filler(5)} ${passage}. ${filler(5)}`;
    const t = target(text);
    const after = `${filler(200)} ${text.replace('dredging', 'dreging')}`;
    expect(after.indexOf('dreging') - t.position.start).toBeGreaterThan(SEARCH_WINDOW * 2);
    const found = fuzzyMatch(after, t.quote, t.position);
    expect(found && after.slice(found.start, found.end)).toBe('approved the dreging contract on Tuesday');
    expect(found && found.start).toBe(after.indexOf('approved the dreging'));
  });

  it('lets a better match outside the window win over a worse one inside it, as a search of the whole text would', () => {
    const text = `${filler(5)} ${passage}. ${filler(80)}`;
    const t = target(text);
    // Near the old position: two edits in the quote; far away: the passage with one edit.
    const near = passage.replace('approved', 'aproved').replace('contract', 'contrat');
    const after = `${filler(5)} ${near}. ${filler(80)} ${passage.replace('dredging', 'dreging')}. ${filler(5)}`;
    const found = fuzzyMatch(after, t.quote, t.position);
    expect(found && after.slice(found.start, found.end)).toBe('approved the dreging contract on Tuesday');
    expect(found && found.start).toBeGreaterThan(t.position.start + SEARCH_WINDOW);
    expect(fuzzyMatch(after, t.quote)).toEqual(found); // without a hint: the whole text only
  });
});

suite('reanchor with long insertions', () => {
  const base = { type: 'claim' as const, note: '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
  it('finds edited spans far from their old offsets, where their neighbours moved, and keeps input order', () => {
    const passages = ['the council rejected the harbour dredging plan', 'officials confirmed the budget figures were wrong', 'residents protested outside the court on Friday'];
    const text = passages.map((p, i) => `${filler(3)} Paragraph ${i}: ${p}.`).join('\n\n');
    const annotations: Annotation[] = passages.flatMap((p, i) => {
      const at = text.indexOf(p);
      return [
        { ...base, id: `edited${i}`, target: describe(text, at + 4, at + p.length) },
        { ...base, id: `kept${i}`, target: describe(text, at - 13, at - 1) },
      ];
    });
    const edited = text.replace('harbour dredging', 'harbor dredging').replace('budget figures', 'budget figure').replace('outside the court', 'outside the courts');
    const after = `${filler(150)}\n\n${edited.replace('\n\nParagraph 1', `\n\n${filler(100)} Paragraph 1`)}`;
    const result = reanchor(after, annotations);
    expect(result.counts).toEqual({ position: 0, quote: 3, fuzzy: 3, orphan: 0 });
    expect(result.annotations.map((a) => a.id)).toEqual(annotations.map((a) => a.id));
    expect(result.annotations.map((a) => a.target.quote.exact)).toEqual([
      'council rejected the harbor dredging plan',
      'Paragraph 0:',
      'officials confirmed the budget figure were wrong'.slice(4),
      'Paragraph 1:',
      'residents protested outside the courts on Friday'.slice(4),
      'Paragraph 2:',
    ]);
    for (const a of result.annotations) expect(after.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
    expect(anchor(after, annotations[0].target)).toMatchObject({ status: 'anchored', by: 'fuzzy', start: after.indexOf('council rejected') });
  });
});
