import { useCallback, useEffect, useState } from 'react';
import type { Article } from '../../../app/core/article.js';
import type { TextMatch } from '../../../app/core/find.js';
import type { ReaderHandle } from '../editor/use-reader.js';

/** The find bar while it is open: where the analyst was reading when it opened, its first query, and how many times Ctrl+F asked for its box since. */
export interface FindOpen {
  from: number;
  query: string;
  request: number;
}

/**
 * The find bar's state for `article` in `reader`: `open` (Ctrl+F: the bar, from the reading place,
 * with a short one-line selection as its query; again: back to its box), what it shows
 * (`showMatches`) and `close` (the match it ends on selected in the reader, else the reader
 * focused). Closed when another article opens or the reader is not `shown` (the library).
 */
export function useFind(article: Article | null, reader: ReaderHandle, shown: boolean) {
  const [find, setFind] = useState<FindOpen | null>(null);
  const open = useCallback(() => {
    if (!article) return;
    const range = reader.selection();
    const selected = range && range.end - range.start <= 200 ? article.text.slice(range.start, range.end) : '';
    setFind((shown) => (shown ? { ...shown, request: shown.request + 1 } : { from: range?.start ?? reader.readingOffset() ?? 0, query: /\n/.test(selected) ? '' : selected, request: 0 }));
  }, [article, reader]);
  useEffect(() => setFind(null), [article?.id]);
  // The library in front of the reader closes the bar too, so it never comes back empty with the focus.
  useEffect(() => {
    if (shown) return;
    setFind(null);
    reader.showMatches([], -1);
  }, [shown, reader]);
  const showMatches = useCallback((matches: readonly TextMatch[], current: number) => reader.showMatches(matches, current), [reader]);
  const close = useCallback(
    (match: TextMatch | null) => {
      setFind(null);
      reader.showMatches([], -1);
      if (match) reader.selectText(match.start, match.end);
      else reader.focus();
    },
    [reader],
  );
  return { find, open, showMatches, close };
}
