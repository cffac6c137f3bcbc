import { shownQuote } from '../components/quote-text.js';

/** How many characters of the quote the message shows at most. */
const QUOTE_CHARS = 60;

/**
 * The status message for tagging a span with the label it has already (`tagSpan`'s `existing`):
 * the span's text (its first `QUOTE_CHARS` UTF-16 code units, never half a surrogate pair,
 * then "…") and the label's name, e.g.
 * `“beta” is already tagged as Claim: it is selected.`
 */
export function alreadyTaggedMessage(exact: string, labelName: string): string {
  const shown = shownQuote(exact, QUOTE_CHARS);
  const quote = shown === exact ? exact : `${shown.slice(0, -1).trimEnd()}…`;
  return `“${quote}” is already tagged as ${labelName}: it is selected.`;
}
