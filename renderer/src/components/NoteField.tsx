import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../app/core/annotation.js';
import { NOTE_MAX_LENGTH } from '../../../app/core/ipc.js';
import type { AnnotationEdits } from '../state/annotation-edits.js';

/** How long the note waits after the last key before it is saved (ms); leaving the box saves at once. */
const NOTE_DELAY_MS = 400;

/** From this length on, the box says how many characters the note holds of the most it may. */
const NEAR_LIMIT = Math.floor(NOTE_MAX_LENGTH * 0.9);

const count = (n: number) => n.toLocaleString('en');

/**
 * What the box says about the note's length: nothing while it is short; how much of the limit it
 * uses near it; and, when text did not fit (`dropped` characters left out), that plainly.
 */
function lengthMessage(length: number, dropped: number): string | null {
  if (dropped > 0) return `${count(dropped)} characters were not added: a note holds at most ${count(NOTE_MAX_LENGTH)} characters.`;
  if (length >= NOTE_MAX_LENGTH) return `The note is full: a note holds at most ${count(NOTE_MAX_LENGTH)} characters.`;
  if (length >= NEAR_LIMIT) return `${count(length)} of ${count(NOTE_MAX_LENGTH)} characters`;
  return null;
}

/**
 * The note box: local while typing, saved after a pause and when it loses focus; follows the
 * stored note otherwise (undo). What was typed is saved to the annotation and article it was typed
 * for, even when another article is open by then; and sent at once when the page goes away. It
 * takes at most `NOTE_MAX_LENGTH` characters and says so near the limit and when text did not fit.
 */
export function NoteField({ annotation, edits }: { annotation: Annotation; edits: AnnotationEdits }) {
  const [note, setNote] = useState(annotation.note);
  const [dropped, setDropped] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The article the annotation belongs to, as open when the box was shown (keyed by annotation id).
  const [articleId] = useState(() => edits.articleId());
  const latest = useRef({ note, annotation });
  // The last note whose request went out to main, and whether a save waits behind other changes.
  const sent = useRef<string | null>(null);
  const queued = useRef(false);
  latest.current = { note, annotation };

  // The note to send now, counted as sent; null when it is stored or went out already.
  const take = (): string | null => {
    const { note: value, annotation: a } = latest.current;
    if (value === a.note || value === sent.current) return null;
    sent.current = value;
    return value;
  };
  const flush = (now = false) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!articleId) return;
    const { id } = latest.current.annotation;
    // Sent once (pagehide follows beforeunload; unmounting follows a blur). A save queued behind
    // changes main has not answered counts only once it goes out, so leaving the page sends it
    // itself rather than trusting a request that may die with the page.
    if (now) {
      const value = take();
      if (value !== null) void edits.updateNow(id, { note: value }, articleId);
      return;
    }
    if (queued.current) return;
    queued.current = true;
    void edits.updateAsSent(id, articleId, () => {
      queued.current = false;
      const value = take();
      return value === null ? null : { note: value };
    });
  };
  // A note changed elsewhere (undo, redo) shows unless the analyst is typing in the box.
  useEffect(() => {
    if (document.activeElement !== box.current) setNote(annotation.note);
  }, [annotation.note]);
  // Switching annotations or closing the details saves what was typed; leaving the page sends it at once.
  useEffect(() => {
    const leaving = () => flush(true);
    window.addEventListener('pagehide', leaving);
    window.addEventListener('beforeunload', leaving);
    return () => {
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('beforeunload', leaving);
      flush();
    };
  }, [annotation.id]);
  // The browser cuts text that does not fit (`maxLength`) without a word: how much it cut is told.
  useEffect(() => {
    const element = box.current!;
    const measure = (event: InputEvent) => {
      const incoming = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      const kept = element.value.length - (element.selectionEnd - element.selectionStart);
      setDropped(Math.max(0, kept + incoming.length - NOTE_MAX_LENGTH));
    };
    element.addEventListener('beforeinput', measure);
    return () => element.removeEventListener('beforeinput', measure);
  }, []);

  const message = lengthMessage(note.length, dropped);
  return (
    <div className="details-field">
      <label htmlFor="details-note">Note</label>
      <textarea
        id="details-note"
        ref={box}
        rows={4}
        value={note}
        maxLength={NOTE_MAX_LENGTH}
        dir="auto"
        aria-describedby="details-note-length"
        onChange={(event) => {
          setNote(event.target.value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(flush, NOTE_DELAY_MS);
        }}
        onBlur={() => flush()}
      />
      <span id="details-note-length" className="details-note-length" aria-live="polite">
        {message}
      </span>
    </div>
  );
}
