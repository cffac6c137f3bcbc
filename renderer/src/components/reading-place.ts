import { useCallback, useEffect, useRef } from 'react';
import type { ReaderHandle } from '../editor/use-reader.js';
import type { SessionState, SessionStore } from '../state/session-store.js';
import type { ReadingPlace } from './keys.js';

/**
 * The place of the annotation selected in `before` when `after` no longer has it and selects
 * nothing (it was deleted, or an undo took it away): [start, end) of the canonical text (UTF-16);
 * null otherwise.
 */
export function goneSelectionPlace(before: Pick<SessionState, 'annotations' | 'selectedId'>, after: Pick<SessionState, 'annotations' | 'selectedId'>): ReadingPlace | null {
  if (!before.selectedId || after.selectedId !== null || after.annotations.some((a) => a.id === before.selectedId)) return null;
  const gone = before.annotations.find((a) => a.id === before.selectedId);
  return gone ? { start: gone.target.position.start, end: gone.target.position.end } : null;
}

/**
 * Where next and previous count from when no annotation is selected (see `neighbour`): the place of
 * the selected annotation that was just deleted, while the reading position has not moved since;
 * else the reading position (`ReaderHandle.readingOffset`: the caret, or the top of the view).
 * Returns the function that tells it, null without an article.
 */
export function useReadingPlace(session: SessionStore, reader: ReaderHandle): () => ReadingPlace | null {
  const deleted = useRef<{ place: ReadingPlace; readingAt: number | null } | null>(null);
  useEffect(() => {
    let last = session.getSnapshot();
    return session.subscribe(() => {
      const now = session.getSnapshot();
      const place = goneSelectionPlace(last, now);
      if (place) deleted.current = { place, readingAt: reader.readingOffset() };
      else if (now.selectedId !== null || now.opened?.article !== last.opened?.article) deleted.current = null;
      last = now;
    });
  }, [reader, session]);
  return useCallback(() => {
    const at = reader.readingOffset();
    if (deleted.current && deleted.current.readingAt === at) return deleted.current.place;
    return at === null ? null : { start: at, end: Infinity };
  }, [reader]);
}
