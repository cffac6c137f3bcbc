import { useEffect, useSyncExternalStore } from 'react';
import type { ReaderHandle } from '../editor/use-reader.js';
import type { AnnotationEdits } from '../state/annotation-edits.js';

/**
 * Scrolls the reader to the annotation the last undo or redo selected (`AnnotationEdits`'
 * `revealed`), once it is rendered: called after `useReader`, so its effect runs after the one
 * that gives the reader the annotations. The panel scrolls to its row by itself (it follows the
 * selection).
 */
export function useRevealed(edits: AnnotationEdits, reader: ReaderHandle): void {
  const { revealed } = useSyncExternalStore(edits.subscribe, edits.getSnapshot);
  useEffect(() => {
    if (revealed) reader.scrollTo(revealed.id);
  }, [reader, revealed]);
}
