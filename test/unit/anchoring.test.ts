import { describe as suite, expect, it } from 'vitest';
import { anchor } from '../../app/core/anchoring/anchor.js';
import { describe } from '../../app/core/anchoring/describe.js';

suite('describe', () => {
  it('makes W3C selectors whose exact is the slice, with context of at most 32 code units', () => {
    const text = 'x'.repeat(40) + 'TARGET' + 'y'.repeat(40);
    const t = describe(text, 40, 46);
    expect(t.position).toEqual({ type: 'TextPositionSelector', start: 40, end: 46 });
    expect(t.quote.exact).toBe(text.slice(40, 46));
    expect(t.quote.prefix).toBe('x'.repeat(32));
    expect(t.quote.suffix).toBe('y'.repeat(32));
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = '😀'.repeat(20) + 'A' + '😀'.repeat(20);
    const t = describe(text, 40, 41);
    expect(t.quote.prefix.length).toBe(32);
    expect(t.quote.suffix.length).toBe(32);
    expect(t.quote.prefix.codePointAt(0)).toBe(0x1f600);
  });

  it('refuses empty and out-of-bounds ranges', () => {
    expect(() => describe('abc', 1, 1)).toThrow(RangeError);
    expect(() => describe('abc', 2, 4)).toThrow(RangeError);
  });
});

suite('anchor', () => {
  const before = 'The tax rate rose. The fee rate fell.';
  const target = describe(before, 27, 31);

  it('takes the position when it still holds the quote', () => {
    expect(anchor(before, target)).toEqual({ status: 'anchored', start: 27, end: 31, by: 'position' });
  });

  it('follows the second "rate" when text is added before it, not the first', () => {
    const after = `Note: ${before}`;
    const found = anchor(after, target);
    expect(found).toEqual({ status: 'anchored', start: 33, end: 37, by: 'quote' });
    if (found.status === 'anchored') expect(after.slice(found.start, found.end)).toBe('rate');
  });

  it('orphans the span when its own words are gone, rather than moving it onto the first "rate"', () => {
    expect(anchor('Note: The tax rate rose. The fee fell.', target).status).toBe('orphan');
  });
});
