/**
 * The reader's highlight colours in each theme, and how a custom label's colour becomes a
 * highlight that keeps text readable: WCAG 2.x AA (4.5:1) for text on the highlight, alone,
 * over itself and over any built-in highlight; 3:1 for its underline against the page
 * (https://www.w3.org/TR/WCAG21/#non-text-contrast). Values must match `renderer/src/styles.css`
 * (a unit test compares them).
 */
import { contrastRatio, over, parseHex, type Rgba } from './colour.js';

/** The two themes, following the system (`prefers-color-scheme`). */
export type Theme = 'light' | 'dark';

/** Page background and text colour of each theme (`--bg`, `--fg`). */
export const THEME_COLOURS: Readonly<Record<Theme, { bg: string; fg: string }>> = {
  light: { bg: '#fbfaf7', fg: '#1d1d1f' },
  dark: { bg: '#1b1c1e', fg: '#ececec' },
};

/** The built-in labels' highlight backgrounds (`--claim`, … : `#rrggbbaa`) in each theme. */
export const BUILT_IN_HIGHLIGHTS: Readonly<Record<Theme, Readonly<Record<'claim' | 'quote' | 'source', string>>>> = {
  light: { claim: '#ffb30061', quote: '#2196f347', source: '#43a04752' },
  dark: { claim: '#ffc10733', quote: '#64b5f64c', source: '#81c78440' },
};

/** The least contrast of text on a highlight (WCAG AA, body text). */
export const TEXT_CONTRAST = 4.5;
/** The least contrast of a highlight's underline against the page (WCAG non-text contrast). */
export const LINE_CONTRAST = 3;

const hex2 = (n: number) => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');
const toHex = (c: Rgba, alpha?: number) => `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}${alpha === undefined ? '' : hex2(alpha * 255)}`;

/** Whether text of `theme` stays readable on `highlight` (`#rrggbbaa`) alone, over itself and over each built-in highlight. */
export function readableOn(highlight: string, theme: Theme): boolean {
  const bg = parseHex(THEME_COLOURS[theme].bg);
  const fg = parseHex(THEME_COLOURS[theme].fg);
  const top = parseHex(highlight);
  const beneath = [bg, over(top, bg), ...Object.values(BUILT_IN_HIGHLIGHTS[theme]).map((h) => over(parseHex(h), bg))];
  return beneath.every((under) => contrastRatio(fg, over(top, under)) >= TEXT_CONTRAST);
}

/**
 * The highlight of a label coloured `colour` (`#rrggbb`) in `theme`: `background` the colour at
 * the highest alpha from 0.35 down (steps of 0.01) that `readableOn` accepts, as `#rrggbbaa`;
 * `line` the colour itself, or moved toward the theme's text colour until it has 3:1 against
 * the page. Throws `SyntaxError` for a colour that is not hex.
 */
export function customHighlight(colour: string, theme: Theme): { background: string; line: string } {
  const c = parseHex(colour);
  let background = toHex(c, 0.05);
  for (let alpha = 0.35; alpha >= 0.05; alpha -= 0.01) {
    const candidate = toHex(c, alpha);
    if (readableOn(candidate, theme)) {
      background = candidate;
      break;
    }
  }
  const bg = parseHex(THEME_COLOURS[theme].bg);
  const fg = parseHex(THEME_COLOURS[theme].fg);
  let line = { ...c, a: 1 };
  for (let t = 0.1; contrastRatio(line, bg) < LINE_CONTRAST && t <= 1; t += 0.1) line = over({ ...fg, a: t }, c);
  return { background, line: toHex(line) };
}
