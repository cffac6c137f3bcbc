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
  if (exact.length <= max) return exact;
  const code = exact.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${exact.slice(0, end)}…`;
}
