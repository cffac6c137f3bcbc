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

/**
 * Marks that only point a letter: Arabic harakat (U+064B–U+065F) and superscript alef (U+0670),
 * Hebrew points and cantillation marks (U+0591–U+05C7, but the punctuation among them). Texts
 * write them or leave them out, so find ignores them; a match takes in those after its last letter.
 */
const POINTING = '\\u0591-\\u05BD\\u05BF\\u05C1\\u05C2\\u05C4\\u05C5\\u05C7\\u064B-\\u065F\\u0670';

/**
 * Characters that do not change the words a reader sees: SOFT HYPHEN, the zero-width space,
 * joiners and no-break (U+200B–U+200D, U+2060, U+FEFF), and the Arabic tatweel (U+0640), which only
 * stretches a join; and the pointing marks. Ignored by find between the letters of a word.
 */
const IGNORABLE = `[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF\\u0640${POINTING}]`;

/** Ignored characters between two letters (`IGNORABLE`), as a pattern. */
const BETWEEN = `${IGNORABLE}*`;
/** A query's i: the Turkish dotted capital and dotless small i too (RegExp's `i` flag folds neither). */
const ANY_I = '[iİı]';

/**
 * Runs of a query's letters (lower case) a search without regard to case must match beyond Unicode
 * simple case folding (what `RegExp`'s `i` flag does): sharp s for `ss` (`strasse` finds
 * `Straße`), and the Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ for their letters (`fish` finds `ﬁsh`, `office`
 * finds `ofﬁce`), ignored characters allowed between the letters as everywhere. Longer runs are
 * read first. Each alternative begins with another character, so a match is never tried two ways
 * (no backtracking that grows with the query).
 */
const FOLDED_RUNS: Readonly<Record<string, string>> = {
  ffi: `(?:f${BETWEEN}(?:f${BETWEEN}${ANY_I}|ﬁ)|ﬃ|ﬀ${BETWEEN}${ANY_I})`,
  ffl: `(?:f${BETWEEN}(?:f${BETWEEN}l|ﬂ)|ﬄ|ﬀ${BETWEEN}l)`,
  ss: `(?:s${BETWEEN}s|ß)`,
  ff: `(?:f${BETWEEN}f|ﬀ)`,
  fi: `(?:f${BETWEEN}${ANY_I}|ﬁ)`,
  fl: `(?:f${BETWEEN}l|ﬂ)`,
};

/** Single letters of a query matched beyond simple case folding: the Turkish i's, sharp s (ẞ folds to ß), and the ligatures, as `FOLDED_RUNS`. */
const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  i: ANY_I,
  ı: ANY_I,
  İ: '[İi]',
  ß: FOLDED_RUNS.ss,
  ẞ: FOLDED_RUNS.ss,
  ﬀ: FOLDED_RUNS.ff,
  ﬁ: FOLDED_RUNS.fi,
  ﬂ: FOLDED_RUNS.fl,
  ﬃ: FOLDED_RUNS.ffi,
  ﬄ: FOLDED_RUNS.ffl,
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
  const words = query.normalize('NFC').replace(new RegExp(IGNORABLE, 'gu'), '').trim().split(/\s+/u);
  for (const word of words) {
    if (source) source += '\\s+';
    const letters = [...word];
    const chars: string[] = [];
    for (let i = 0; i < letters.length; i++) {
      const run = [3, 2].map((n) => letters.slice(i, i + n).join('').toLowerCase()).find((r) => r.length > 1 && FOLDED_RUNS[r]);
      if (run) {
        chars.push(FOLDED_RUNS[run]);
        i += run.length - 1;
        continue;
      }
      const char = letters[i];
      const decomposed = char.normalize('NFD');
      chars.push(VARIANTS[char] ?? FOLDED_LETTERS[char] ?? FOLDED_LETTERS[char.toLowerCase()] ?? (decomposed === char ? literal(char) : `(?:${literal(char)}|${literal(decomposed)})`));
    }
    source += chars.join(`${IGNORABLE}*`);
  }
  return `${source}[${POINTING}]*`;
}

/**
 * The places of `query` in `text`, in order and not overlapping: case-insensitive (Unicode simple
 * case folding, the `u` and `i` flags of `RegExp`, and `FOLDED_RUNS`, `FOLDED_LETTERS`), a run of white space in the query matching
 * any run of white space (line breaks and NO-BREAK SPACE too), an accented letter composed or
 * decomposed alike (a text keeping "e" + U+0301 is found by "é"), straight and curly quotes alike,
 * and a hyphen matching any dash; white space around the query is ignored; soft hyphens,
 * zero-width characters, the tatweel and Arabic and Hebrew pointing are ignored in the text and the
 * query (`IGNORABLE`). None for a query of white space alone, or of ignored characters alone. At
 * most `limit` matches, `truncated` when there are more.
 */
export function findInText(text: string, query: string, limit = MAX_MATCHES): { matches: TextMatch[]; truncated: boolean } {
  const matches: TextMatch[] = [];
  if (query.replace(new RegExp(IGNORABLE, 'gu'), '').trim() === '') return { matches, truncated: false };
  const pattern = new RegExp(patternOf(query), 'giu');
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    if (matches.length === limit) return { matches, truncated: true };
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return { matches, truncated: false };
}

/**
 * A test of whether a text holds `query` as `findInText` finds it (case, accents composed or
 * decomposed, quote and dash forms, white space, ignorable characters and the letters of
 * `FOLDED_LETTERS` alike), compiled once for many texts; null for a query of white space or
 * ignored characters alone, which every text holds.
 */
export function textMatcher(query: string): ((text: string) => boolean) | null {
  if (query.replace(new RegExp(IGNORABLE, 'gu'), '').trim() === '') return null;
  const pattern = new RegExp(patternOf(query), 'iu');
  return (text) => pattern.test(text);
}

/** The index of the first of `matches` (in text order) that starts at or after `offset`, wrapping to 0; -1 when there are none. */
export function firstMatchFrom(matches: readonly TextMatch[], offset: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.start >= offset);
  return i < 0 ? 0 : i;
}
