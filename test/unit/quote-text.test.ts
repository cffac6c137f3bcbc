import { expect, it } from 'vitest';
import { LONG_QUOTE, SHORT_QUOTE, shownQuote } from '../../renderer/src/components/quote-text.js';

it('shows a quote whole up to the limit, else its start and an ellipsis, never half a surrogate pair', () => {
  const short = 'a'.repeat(SHORT_QUOTE);
  expect(shownQuote(short)).toBe(short);
  expect(shownQuote(`${short}b`)).toBe(`${short}…`);
  expect(shownQuote('x'.repeat(LONG_QUOTE + 5), LONG_QUOTE)).toBe(`${'x'.repeat(LONG_QUOTE)}…`);
  // "😀" is two UTF-16 code units: a cut after its first is moved before it.
  expect(shownQuote('abc😀def', 4)).toBe('abc…');
  expect(shownQuote('abc😀def', 5)).toBe('abc😀…');
});
