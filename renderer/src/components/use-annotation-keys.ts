import { useEffect } from 'react';
import { isAttributable } from '../../../app/core/attribution.js';
import type { ReaderHandle } from '../editor/use-reader.js';
import type { SessionStore } from '../state/session-store.js';
import { isFormControl, isInDialog } from './form-controls.js';
import { navigationKey, neighbour } from './keys.js';
import { useReadingPlace } from './reading-place.js';

/** Ids of the details region's controls, for moving the focus there by key. */
export const DETAILS_IDS = { type: 'details-type', attributedTo: 'details-attributed-to' } as const;

/** Whether keys pressed in `target` belong to it (text boxes, lists, buttons, dialogs) rather than to the app. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return isFormControl(target) || target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || isInDialog(target);
}

/**
 * The keyboard-only keys of the reader view (see `keys.ts`): next and previous annotation (with
 * none selected, from the reading place: `reading-place.ts`), its details, its attribution, the
 * keys overlay; Esc in the details or the Annotations panel goes back to the reader.
 * Active while `enabled` (the reader is shown and no dialog is open).
 */
export function useAnnotationKeys(session: SessionStore, reader: ReaderHandle, enabled: boolean, showKeys: () => void): void {
  const readingPlace = useReadingPlace(session, reader);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Esc in the details or the panel goes back to the reader; in a filter box with text it clears the text first (the box's own Esc).
      if (event.key === 'Escape' && target?.closest('.details, .panel')) {
        if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return;
        reader.focus();
        return;
      }
      // ProseMirror cancels Enter and Escape in the reader (it is not editable): they still count here.
      if ((event.defaultPrevented && !target?.closest('.ProseMirror')) || ownsKeys(target)) return;
      const action = navigationKey(event);
      if (!action) return;
      const { annotations, selectedId } = session.getSnapshot();
      const selected = annotations.find((a) => a.id === selectedId);
      const focusControl = (id: string) => {
        const control = document.getElementById(id);
        if (!control) return;
        event.preventDefault();
        control.focus();
      };
      if (action === 'keys') {
        event.preventDefault();
        showKeys();
      } else if (action === 'next' || action === 'previous') {
        // With none selected, from where the analyst is reading (or the annotation just deleted).
        const id = neighbour(annotations, selectedId, action === 'next' ? 1 : -1, selected ? null : readingPlace());
        event.preventDefault();
        if (!id) return;
        session.select(id);
        reader.scrollTo(id);
        // The caret goes along (as an editor's next-comment key moves it): the menu keys and the
        // reading place then start from the annotation gone to.
        const start = annotations.find((a) => a.id === id)?.target.position.start;
        if (start !== undefined) reader.placeCaret(start);
      } else if (action === 'details' && selected) {
        focusControl(DETAILS_IDS.type);
      } else if (action === 'attribute' && selected && isAttributable(selected.type)) {
        focusControl(DETAILS_IDS.attributedTo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, reader, readingPlace, session, showKeys]);
}
