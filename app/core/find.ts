/**
 * Finding a phrase in an article's canonical text, as the reader's find bar does. Offsets are
 * UTF-16 code units of the text searched, so `text.slice(start, end)` is what was found.
 */

/** One place the phrase was found: [start, end) in UTF-16 code units of the text searched. */
export interface TextMatch {
  start: number;
  end: number;
}

/**
 * At most this many matches are returned; `truncated` says when there were more. A 400,000-character
 * article holds about 40,000 of its commonest letter, so every match of a real query is reachable.
 */
export const MAX_MATCHES = 100_000;

/** Characters of the query that also match their typographic forms in the text. */
const VARIANTS: Readonly<Record<string, string>> = {
  "'": "['‘’ʼ]",
  '‘': "['‘’ʼ]",
  '’': "['‘’ʼ]",
  '"': '["“”„]',
  '“': '["“”„]',
  '”': '["“”„]',
  '-': '[-‐‑‒–—]',
};

/** `text` with every character a regular expression gives a meaning escaped. */
const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');

/**
 * The regular expression source for `query`: literal characters, quotes and dashes in any of
 * their forms, a character with an accent composed or decomposed (Unicode NFC or NFD: "é" or
 * "e" + U+0301), white space as any run of it.
 */
function patternOf(query: string): string {
  let source = '';
  for (const part of query.normalize('NFC').trim().split(/\s+/u)) {
    if (source) source += '\\s+';
    for (const char of part) {
      const decomposed = char.normalize('NFD');
      source += VARIANTS[char] ?? (decomposed === char ? literal(char) : `(?:${literal(char)}|${literal(decomposed)})`);
    }
  }
  return source;
}

/**
 * The places of `query` in `text`, in order and not overlapping: case-insensitive (Unicode simple
 * case folding, the `u` and `i` flags of `RegExp`), a run of white space in the query matching
 * any run of white space (line breaks and NO-BREAK SPACE too), an accented letter composed or
 * decomposed alike (a text keeping "e" + U+0301 is found by "é"), straight and curly quotes alike,
 * and a hyphen matching any dash; white space around the query is ignored. None for a query of
 * white space alone. At most `limit` matches, `truncated` when there are more.
 */
export function findInText(text: string, query: string, limit = MAX_MATCHES): { matches: TextMatch[]; truncated: boolean } {
  const matches: TextMatch[] = [];
  if (query.trim() === '') return { matches, truncated: false };
  const pattern = new RegExp(patternOf(query), 'giu');
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    if (matches.length === limit) return { matches, truncated: true };
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return { matches, truncated: false };
}

/** The index of the first of `matches` (in text order) that starts at or after `offset`, wrapping to 0; -1 when there are none. */
export function firstMatchFrom(matches: readonly TextMatch[], offset: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.start >= offset);
  return i < 0 ? 0 : i;
}
