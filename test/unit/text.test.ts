import { describe as suite, expect, it } from 'vitest';
import { codePointIndex, codePointOffset, normalizeRange, utf16Index, utf16Offset } from '../../app/core/text.js';

const EMOJI = 'Wow 😀 the CLAIM 👍🏽 stands';

suite('offsets in two units', () => {
  it('counts CLAIM at UTF-16 [11,16] and code points [10,15]', () => {
    const start = EMOJI.indexOf('CLAIM');
    expect([start, start + 5]).toEqual([11, 16]);
    expect(EMOJI.slice(11, 16)).toBe('CLAIM');
    expect([codePointOffset(EMOJI, 11), codePointOffset(EMOJI, 16)]).toEqual([10, 15]);
    expect([utf16Offset(EMOJI, 10), utf16Offset(EMOJI, 15)]).toEqual([11, 16]);
    expect(Array.from(EMOJI).slice(10, 15).join('')).toBe('CLAIM');
  });

  it('agrees with the indexed converter everywhere, and refuses a split surrogate pair', () => {
    const index = codePointIndex(EMOJI);
    for (let i = 0; i <= EMOJI.length; i++) {
      if (i === 5 || i === 18 || i === 20) {
        expect(() => codePointOffset(EMOJI, i)).toThrow(RangeError);
        expect(() => index(i)).toThrow(RangeError);
      } else {
        expect(index(i)).toBe(codePointOffset(EMOJI, i));
        expect(utf16Offset(EMOJI, index(i))).toBe(i);
      }
    }
    expect(() => codePointOffset(EMOJI, EMOJI.length + 1)).toThrow(RangeError);
  });

  it('converts code points to UTF-16 through the inverse index as utf16Offset does, and refuses the same offsets', () => {
    const toUtf16 = utf16Index(EMOJI);
    const codePoints = Array.from(EMOJI).length;
    expect(codePoints).toBe(EMOJI.length - 3);
    for (let cp = 0; cp <= codePoints; cp++) expect(toUtf16(cp)).toBe(utf16Offset(EMOJI, cp));
    expect([toUtf16(10), toUtf16(15)]).toEqual([11, 16]);
    expect(EMOJI.slice(toUtf16(10), toUtf16(15))).toBe('CLAIM');
    for (const bad of [codePoints + 1, -1, 1.5]) {
      expect(() => toUtf16(bad)).toThrow(RangeError);
      expect(() => utf16Offset(EMOJI, bad)).toThrow(RangeError);
    }
    expect(utf16Index('')(0)).toBe(0);
    expect(() => utf16Index('')(1)).toThrow(RangeError);
  });

  it('counts a lone surrogate as one code point in both directions, as Array.from does', () => {
    // A lone high surrogate, a pair, a lone low surrogate, a high one before a letter, two pairs in a row.
    const text = 'a\uD800b😀\uDC00c\uD83Dd😀👍e';
    const chars = Array.from(text);
    const toUtf16 = utf16Index(text);
    const toCodePoint = codePointIndex(text);
    let utf16 = 0;
    for (let cp = 0; cp <= chars.length; cp++) {
      expect(toUtf16(cp)).toBe(utf16);
      expect(utf16Offset(text, cp)).toBe(utf16);
      expect(toCodePoint(utf16)).toBe(cp);
      expect(codePointOffset(text, utf16)).toBe(cp);
      utf16 += chars[cp]?.length ?? 0;
    }
    expect(utf16).toBe(text.length);
    expect(() => toUtf16(chars.length + 1)).toThrow(RangeError);
  });
});

suite('normalizeRange', () => {
  it('never splits an emoji: a selection from inside 😀 takes all of it', () => {
    const r = normalizeRange(EMOJI, 5, 10)!;
    expect(EMOJI.slice(r.start, r.end)).toBe('😀 the');
    expect(r).toEqual({ start: 4, end: 10 });
  });

  it('keeps a skin-tone modifier with its emoji (one grapheme cluster)', () => {
    const thumb = EMOJI.indexOf('👍🏽');
    const r = normalizeRange(EMOJI, thumb, thumb + 2)!;
    expect(EMOJI.slice(r.start, r.end)).toBe('👍🏽');
  });

  it('drops the space a double-click may take, and keeps NBSP', () => {
    const text = 'Officials denied it.';
    expect(normalizeRange(text, 10, 17)).toEqual({ start: 10, end: 16 });
    const rates = 'Rates  rose 2\u00A0%  in May.';
    const r = normalizeRange(rates, 6, 20)!;
    expect(rates.slice(r.start, r.end)).toBe('rose 2\u00A0%  in');
  });

  it('answers null for white space only, and orders reversed ends', () => {
    expect(normalizeRange('a   b', 1, 4)).toBeNull();
    expect(normalizeRange('alpha beta', 10, 6)).toEqual({ start: 6, end: 10 });
  });
});
