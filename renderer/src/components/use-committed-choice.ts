import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Keys that change a closed <select>'s value in place (Chromium on Windows and Linux), one option at a time. */
const STEPPING_KEYS = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageDown', 'PageUp']);

/** The props a <select> takes from `useCommittedChoice`. */
export interface CommittedChoiceProps {
  value: string;
  onChange(event: ChangeEvent<HTMLSelectElement>): void;
  onKeyDown(event: KeyboardEvent<HTMLSelectElement>): void;
  onBlur(): void;
}

/**
 * A <select> whose choice is committed once per choice, not once per option passed: chosen with
 * the mouse (or the picker), at once; stepped through with the keys (arrows, Home/End, typing an
 * option's first letters), shown and committed on Enter or when the select loses focus (Esc in
 * the details moves focus to the reader, so it commits too). `stored` is the value as stored; it
 * shows whenever no choice is waiting.
 */
export function useCommittedChoice(stored: string, commit: (value: string) => void): CommittedChoiceProps {
  const [waiting, setWaiting] = useState<string | null>(null);
  // The choice waiting, with what it was chosen against: committed so even once another annotation shows.
  const waitingNow = useRef<{ value: string; stored: string; commit(value: string): void } | null>(null);
  const keyed = useRef(false);
  const hold = (value: string | null) => {
    waitingNow.current = value === null ? null : { value, stored, commit };
    setWaiting(value);
  };
  const commitWaiting = () => {
    const choice = waitingNow.current;
    hold(null);
    if (choice && choice.value !== choice.stored) choice.commit(choice.value);
  };
  return {
    value: waiting ?? stored,
    onChange(event) {
      const { value } = event.target;
      const byKeys = keyed.current;
      keyed.current = false;
      if (byKeys) return hold(value);
      hold(null);
      if (value !== stored) commit(value);
    },
    onKeyDown(event) {
      if (event.key === 'Enter' && waitingNow.current) {
        // Enter commits what the arrows chose (rather than opening the picker, as it does in Chromium).
        event.preventDefault();
        return commitWaiting();
      }
      const modified = event.altKey || event.ctrlKey || event.metaKey;
      keyed.current = !modified && (STEPPING_KEYS.has(event.key) || (event.key.length === 1 && event.key !== ' '));
    },
    onBlur: commitWaiting,
  };
}
