import { describe as suite, expect, it } from 'vitest';
import { findInText, firstMatchFrom, textMatcher } from '../../app/core/find.js';

/** What each match covers, checking the offsets' invariant on the way. */
function found(text: string, query: string): string[] {
  return findInText(text, query).matches.map(({ start, end }) => {
    expect(start).toBeLessThan(end);
    return text.slice(start, end);
  });
}

suite('finding a phrase in the canonical text', () => {
  it('finds every place, case-insensitively, in order, as UTF-16 offsets', () => {
    const text = 'The mayor said. the Mayor left. THE END';
    expect(findInText(text, 'the')).toEqual({ matches: [{ start: 0, end: 3 }, { start: 16, end: 19 }, { start: 32, end: 35 }], truncated: false });
    expect(found(text, 'mayor')).toEqual(['mayor', 'Mayor']);
  });

  it('counts in UTF-16 code units past astral characters and matches non-Latin case', () => {
    const text = '😀 Über ÜBER über 😀 Σίσυφος ΣΊΣΥΦΟΣ';
    const { matches } = findInText(text, 'über');
    expect(matches[0]).toEqual({ start: 3, end: 7 });
    expect(found(text, 'über')).toEqual(['Über', 'ÜBER', 'über']);
    expect(found(text, 'σίσυφος')).toEqual(['Σίσυφος', 'ΣΊΣΥΦΟΣ']);
  });

  it('lets white space match any run of it (a line break, a paragraph break, a NO-BREAK SPACE), and ignores it around the query', () => {
    const text = 'said the\nminister; said\u00a0the\n\nminister';
    expect(found(text, 'the minister')).toEqual(['the\nminister', 'the\n\nminister']);
    expect(found(text, '  said   the ')).toEqual(['said the', 'said\u00a0the']);
  });

  it('finds an accented letter whether the text keeps it composed or decomposed (NFC or NFD), and the query too', () => {
    const text = 'The cafe\u0301 in Sa\u0303o Paulo; the café on the corner.';
    expect(found(text, 'café')).toEqual(['cafe\u0301', 'café']);
    expect(found(text, 'cafe\u0301')).toEqual(['cafe\u0301', 'café']);
    expect(found(text, 'são paulo')).toEqual(['Sa\u0303o Paulo']);
  });

  it('ignores Arabic and Hebrew pointing and the tatweel in text and query; a match keeps the marks on its last letter', () => {
    // "kataba" with its harakat, and with a tatweel; the query bare, then pointed.
    const text = 'قال: كَتَبَ الوزير، ثم كتـب الرد. كتب.';
    expect(found(text, 'كتب')).toEqual(['كَتَبَ', 'كتـب', 'كتب']);
    expect(found(text, 'كَتَبَ')).toEqual(['كَتَبَ', 'كتـب', 'كتب']);
    const hebrew = 'הַמֶּלֶךְ אמר; המלך שתק.';
    expect(found(hebrew, 'המלך')).toEqual(['הַמֶּלֶךְ', 'המלך']);
  });

  it('ignores soft hyphens and zero-width characters between letters, in text and query', () => {
    const text = 'The minis\u00adter met the mini\u200bster and the minister\u2060.';
    expect(found(text, 'minister')).toEqual(['minis\u00adter', 'mini\u200bster', 'minister']);
    expect(found(text, 'mini\u00adster')).toEqual(['minis\u00adter', 'mini\u200bster', 'minister']);
    expect(findInText(text, '\u00ad\u200b').matches).toEqual([]);
  });

  it('matches straight and curly quotes alike, and a hyphen any dash', () => {
    const text = 'He didn’t say “no” – he said "maybe" - later don\'t';
    expect(found(text, "didn't")).toEqual(['didn’t']);
    expect(found(text, '"no"')).toEqual(['“no”']);
    expect(found(text, 'don’t')).toEqual(["don't"]);
    expect(found(text, 'say “no” - he')).toEqual(['say “no” – he']);
  });

  it('takes the query literally: no regular expression runs', () => {
    expect(found('a.b axb (a+b) [x]', 'a.b')).toEqual(['a.b']);
    expect(found('a.b axb (a+b) [x] a\\b', '(a+b)')).toEqual(['(a+b)']);
    expect(found('[x] a\\b a|b', '[x]')).toEqual(['[x]']);
    expect(found('[x] a\\b a|b', 'a\\b')).toEqual(['a\\b']);
    expect(found('[x] a\\b a|b', 'a|b')).toEqual(['a|b']);
  });

  it('finds nothing for an empty or blank query, and stops at the limit saying so', () => {
    expect(findInText('text', '')).toEqual({ matches: [], truncated: false });
    expect(findInText('text', ' \n ')).toEqual({ matches: [], truncated: false });
    const { matches, truncated } = findInText('ab '.repeat(10), 'ab', 4);
    expect(matches).toHaveLength(4);
    expect(truncated).toBe(true);
    expect(findInText('ab '.repeat(4), 'ab', 4).truncated).toBe(false);
  });

  it('starts from the first match at or after the reading place, wrapping around', () => {
    const { matches } = findInText('x a x a x', 'x');
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 3)).toBe(1);
    expect(firstMatchFrom(matches, 9)).toBe(0);
    expect(firstMatchFrom([], 3)).toBe(-1);
  });

  it('folds the Turkish i, sharp s and the Latin ligatures as well: istanbul finds İSTANBUL, strasse finds Straße, fish finds ﬁsh', () => {
    const text = 'İSTANBUL talks: the Straße was closed; a ﬁsh market and the ﬂoor; Iğdır and ıspanak.';
    const found = (query: string) => findInText(text, query).matches.map((m) => text.slice(m.start, m.end));
    expect(found('istanbul')).toEqual(['İSTANBUL']);
    expect(found('strasse')).toEqual(['Straße']);
    expect(found('STRASSE')).toEqual(['Straße']);
    expect(found('straße')).toEqual(['Straße']);
    expect(found('fish')).toEqual(['ﬁsh']);
    expect(found('floor')).toEqual(['ﬂoor']);
    expect(found('ığdır')).toEqual(['Iğdır']);
    expect(found('ispanak')).toEqual(['ıspanak']);
    for (const m of findInText(text, 'strasse').matches) expect(text.slice(m.start, m.end)).toBe('Straße');
  });

  it('textMatcher tells whether a text holds the query as findInText finds it; null for a blank query', () => {
    const holds = textMatcher('cafe\u0301 “unclear”')!;
    expect(holds('The Café "unclear" today')).toBe(true);
    expect(holds('The Cafe "unclear" today')).toBe(false);
    expect(textMatcher('line1 line2')!('Line1\nLine2')).toBe(true);
    expect(textMatcher('  ')).toBeNull();
  });

  it('folds across soft hyphens and zero-width characters too, reads ﬃ and f + ﬁ, and the Turkish İ inside a folded pair', () => {
    const found = (text: string, query: string) => findInText(text, query).matches.map((m) => text.slice(m.start, m.end));
    expect(found('Das Was\u00ADser steigt', 'wasser')).toEqual(['Was\u00ADser']);
    expect(found('Henry Kis\u200Bsinger', 'kissinger')).toEqual(['Kis\u200Bsinger']);
    expect(found('a f\u00ADish', 'fish')).toEqual(['f\u00ADish']);
    expect(found('the ofﬁce and the oﬃcial', 'office')).toEqual(['ofﬁce']);
    expect(found('the ofﬁce and the oﬃcial', 'official')).toEqual(['oﬃcial']);
    expect(found('FİNANS haberleri', 'finans')).toEqual(['FİNANS']);
  });

  it('a query of many sharp s is answered: one ß is never matched two ways (which backtracked 2^n times, hours at 30)', () => {
    expect(findInText('ß'.repeat(100), `${'ß'.repeat(30)}y`).matches).toEqual([]);
    expect(findInText(`${'ß'.repeat(30)}y`, 'ß'.repeat(30) + 'Y').matches).toEqual([{ start: 0, end: 31 }]);
  });
});
