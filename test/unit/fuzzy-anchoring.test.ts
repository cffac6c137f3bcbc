import { describe as suite, expect, it } from 'vitest';
import { anchor } from '../../app/core/anchoring/anchor.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { editDistance, pinnedDistance } from '../../app/core/anchoring/edit-distance.js';
import { fuzzyMatch } from '../../app/core/anchoring/fuzzy.js';
import { reanchor } from '../../app/core/anchoring/reanchor.js';
import type { Annotation, OrphanAnnotation } from '../../app/core/annotation.js';

const at = (text: string, span: string, from = 0) => {
  const start = text.indexOf(span, from);
  if (start < 0) throw new Error(`${span} is not in the text`);
  return describe(text, start, start + span.length);
};

suite('fuzzy anchoring', () => {
  const before = 'Officials said the minister recieved the report on Monday and rejected its findings.';
  const target = at(before, 'the minister recieved the report');

  it('follows a typo fixed inside the span, and the new range holds the corrected words', () => {
    const after = `Update: ${before.replace('recieved', 'received')}`;
    const found = anchor(after, target);
    expect(found).toMatchObject({ status: 'anchored', by: 'fuzzy' });
    if (found.status === 'anchored') expect(after.slice(found.start, found.end)).toBe('the minister received the report');
  });

  it('prefers the edited quote in its own context over an unedited copy elsewhere', () => {
    const copy = 'Elsewhere: the minister recieved the report, a rumour said, without proof at all.';
    const after = `${copy}\n\n${before.replace('recieved the', 'received the')}`;
    const found = anchor(after, target);
    expect(found).toMatchObject({ status: 'anchored', by: 'fuzzy' });
    if (found.status === 'anchored') {
      expect(found.start).toBeGreaterThan(copy.length);
      expect(after.slice(found.start, found.end)).toBe('the minister received the report');
    }
  });

  it('orphans a quote rewritten beyond a quarter of its length', () => {
    const after = before.replace('the minister recieved the report', 'an aide saw a draft');
    expect(anchor(after, target)).toMatchObject({ status: 'orphan' });
  });

  it('orphans a short word that is gone, even when one letter away from another word in the text', () => {
    const text = 'The tax rate rose. The fee rate fell.';
    const t = describe(text, 27, 31);
    expect(anchor('Note: The tax rate rose. The fee fell.', t)).toMatchObject({ status: 'orphan' });
    expect(anchor('Note: The tax rate rose. The fee date fell.', t)).toMatchObject({ status: 'anchored', by: 'fuzzy', start: 33, end: 37 });
  });

  it('does not accept the same words in another context', () => {
    const text = 'First the plan was approved by the council in May. Then nothing happened for a year.';
    const t = at(text, 'the plan was approved');
    const other = 'Critics feared the plan was approuved too fast. Then nothing happened for a year.';
    expect(fuzzyMatch(other, t.quote, t.position)).toBeNull();
  });

  it('anchors without a position, by quote and context only', () => {
    const text = 'One. Two three four. Five.';
    const { quote } = at(text, 'Two three four');
    expect(anchor(`Zero. ${text}`, { quote })).toEqual({ status: 'anchored', start: 11, end: 25, by: 'quote' });
  });
});

suite('reanchor', () => {
  const base = { note: '', links: [], created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
  const text = 'The tax rate rose. The fee rate fell.';

  it('moves placed annotations, re-described at their new range, and keeps the rest as orphans with their last selectors', () => {
    const moved: Annotation = { id: 'a', type: 'claim', target: describe(text, 27, 31), ...base };
    const kept: Annotation = { id: 'b', type: 'quote', target: describe(text, 0, 12), ...base };
    const back: OrphanAnnotation = { id: 'c', type: 'source', target: { quote: { type: 'TextQuoteSelector', exact: 'rose', prefix: 'tax rate ', suffix: '. The' } }, reason: 'gone', ...base };
    const after = 'Note: The tax rate rose. The fee fell.';
    const result = reanchor(after, [moved, kept, back]);
    expect(result.counts).toEqual({ position: 0, quote: 2, fuzzy: 0, orphan: 1 });
    expect(result.annotations.map((a) => [a.id, a.target.position.start, a.target.position.end, a.target.quote.exact])).toEqual([
      ['b', 6, 18, 'The tax rate'],
      ['c', 19, 23, 'rose'],
    ]);
    for (const a of result.annotations) expect(after.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
    expect(result.orphans).toEqual([{ ...moved, reason: 'the quoted text is in the article only in another context' }]);
  });
});

suite('edit distances', () => {
  /** Plain Levenshtein over the whole table, to check the banded and pinned versions against. */
  const full = (a: string, b: string): number[][] => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
    }
    return d;
  };
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const word = () => Array.from({ length: Math.floor(random() * 12) }, () => 'abc'[Math.floor(random() * 3)]).join('');

  it('editDistance agrees with the full table within its band, and answers max + 1 beyond it', () => {
    for (let n = 0; n < 500; n++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 6)];
      const exact = full(a, b)[a.length][b.length];
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(exact <= max ? exact : max + 1);
    }
  });

  it('pinnedDistance is the least distance to a prefix of the text', () => {
    for (let n = 0; n < 500; n++) {
      const [pattern, text, max] = [word(), word(), Math.floor(random() * 6)];
      const least = Math.min(...full(pattern, text)[pattern.length]);
      expect(pinnedDistance(pattern, text, max), `${pattern} ${text} ${max}`).toBe(Math.min(least, max + 1));
    }
  });
});
