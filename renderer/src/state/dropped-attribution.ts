import { shownQuote } from '../components/quote-text.js';

/** How many characters of the source's quote the message shows at most. */
const QUOTE_CHARS = 60;

/**
 * The status message for a quote or claim given a type that is attributed to no one (a Source, a
 * label of the analyst's own): main removed its attribution to the source quoting `sourceExact`
 * (shown by its first `QUOTE_CHARS` UTF-16 code units, never half a surrogate pair, then "…"), and
 * undo brings it back, e.g. `Its attribution to “Mayor Jane Roe” was removed: only quotes and
 * claims are attributed. Ctrl+Z brings it back.`
 */
export function droppedAttributionMessage(sourceExact: string): string {
  const shown = shownQuote(sourceExact, QUOTE_CHARS);
  const quote = shown === sourceExact ? sourceExact : `${shown.slice(0, -1).trimEnd()}…`;
  return `Its attribution to “${quote}” was removed: only quotes and claims are attributed. Ctrl+Z brings it back.`;
}
