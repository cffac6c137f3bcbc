import type { Annotation, OrphanAnnotation } from '../../../app/core/annotation.js';
import { SOURCE_TYPE } from '../../../app/core/attribution.js';
import { shownQuote } from './quote-text.js';

/** One entry of the details' "Attributed to" list: a source's id and the words that name it. */
export interface SourceChoice {
  id: string;
  label: string;
  /** The source is an orphan (its text is gone from the file): shown so the link shows, never chosen anew (main refuses it). */
  orphan: boolean;
}

/** How many words of context tell apart sources that quote the same text. */
const CONTEXT_WORDS = 4;

/** The last `CONTEXT_WORDS` words of `prefix` (the TextQuoteSelector prefix), white space collapsed. */
function contextBefore(prefix: string): string {
  const words = prefix.trim().split(/\s+/).filter(Boolean);
  return words.slice(-CONTEXT_WORDS).join(' ');
}

/**
 * What a quote or claim can be attributed to, as the details list it: the article's Source
 * annotations in `annotations`' order (text order) but `exceptId`, each named by its quoted text.
 * Sources quoting the same text are told apart by their number among them and the words before
 * them (from the TextQuoteSelector prefix): `the spokesperson (2 of 3, after “… told reporters”)`.
 * When `attributedTo` names a source among `orphans`, it comes first, marked as gone from the text,
 * so an attribution to it shows rather than reading "none".
 */
export function sourceChoices(annotations: readonly Annotation[], orphans: readonly OrphanAnnotation[], exceptId: string, attributedTo: string | null): SourceChoice[] {
  const sources = annotations.filter((a) => a.type === SOURCE_TYPE && a.id !== exceptId);
  const sameText = new Map<string, string[]>();
  for (const s of sources) sameText.set(s.target.quote.exact, [...(sameText.get(s.target.quote.exact) ?? []), s.id]);
  const choices: SourceChoice[] = sources.map((s) => {
    const { prefix } = s.target.quote;
    const exact = shownQuote(s.target.quote.exact);
    const ids = sameText.get(s.target.quote.exact)!;
    if (ids.length === 1) return { id: s.id, label: exact, orphan: false };
    const before = contextBefore(prefix);
    return { id: s.id, label: `${exact} (${ids.indexOf(s.id) + 1} of ${ids.length}${before ? `, after “… ${before}”` : ''})`, orphan: false };
  });
  const orphan = attributedTo ? orphans.find((o) => o.id === attributedTo && o.type === SOURCE_TYPE) : undefined;
  return orphan ? [{ id: orphan.id, label: `${shownQuote(orphan.target.quote.exact)} (an orphan: its text is gone from the file)`, orphan: true }, ...choices] : choices;
}
