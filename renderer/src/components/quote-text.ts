import { cutQuote } from '../../../app/core/text.js';

/** How much of a quote a place of a line or two shows (a panel row, a menu item, a list option), in UTF-16 code units. */
export const SHORT_QUOTE = 240;

/** How much of a quote the details show, in UTF-16 code units. */
export const LONG_QUOTE = 2000;

/**
 * `exact` (a TextQuoteSelector's exact text) as shown in the window: whole when it has at most
 * `max` UTF-16 code units, else its first `max` (one fewer rather than half a surrogate pair) and
 * "…". A quote of a whole book is not laid out in a panel row or the details; exports and the
 * store keep it whole.
 */
export function shownQuote(exact: string, max = SHORT_QUOTE): string {
  return cutQuote(exact, max);
}
