import { useEffect, useMemo, useRef, useState } from 'react';
import { findInText, firstMatchFrom, type TextMatch } from '../../../app/core/find.js';

/** What the find bar says of its matches: "3 of 17", "3 of 100,000+" past the limit, "No matches", or nothing before a query. */
export function matchStatus(query: string, count: number, current: number, truncated: boolean): string {
  if (query.trim() === '') return '';
  if (count === 0) return 'No matches';
  return `${(current + 1).toLocaleString('en')} of ${count.toLocaleString('en')}${truncated ? '+' : ''}`;
}

/**
 * Find in the article (Ctrl/Cmd+F): a search box over the canonical `text` (`findInText`), its
 * matches painted in the reader through `onShow`, the first at or after `from` (the reading
 * place when the bar opened) current. Enter or F3 goes to the next match, Shift with them to the
 * previous one, wrapping around; Esc closes the bar with the current match (or null) given to
 * `onClose`, which selects it in the reader to be tagged. `focusRequest` changes when Ctrl+F is
 * pressed again: the box takes focus with its text selected.
 */
export function FindBar({ text, from, initialQuery, focusRequest, onShow, onClose }: { text: string; from: number; initialQuery: string; focusRequest: number; onShow(matches: readonly TextMatch[], current: number): void; onClose(match: TextMatch | null): void }) {
  const [query, setQuery] = useState(initialQuery);
  const { matches, truncated } = useMemo(() => findInText(text, query), [text, query]);
  const [current, setCurrent] = useState(-1);
  const box = useRef<HTMLInputElement>(null);
  // A new query starts from the reading place.
  useEffect(() => setCurrent(firstMatchFrom(matches, from)), [matches, from]);
  useEffect(() => onShow(matches, Math.min(current, matches.length - 1)), [matches, current, onShow]);
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [focusRequest]);
  const step = (by: 1 | -1) => {
    if (matches.length > 0) setCurrent((i) => (i + by + matches.length) % matches.length);
  };
  const close = () => onClose(matches[current] ?? null);
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={box}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'F3') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            close();
          }
        }}
      />
      <span className="find-status" role="status" aria-live="polite">
        {matchStatus(query, matches.length, current, truncated)}
      </span>
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" title="Close and select the match (Esc)" onClick={close}>
        ×
      </button>
    </div>
  );
}
