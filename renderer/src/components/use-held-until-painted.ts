import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { afterNextFrame } from '../after-frame.js';

/** How long a hold lasts when no frame comes (a hidden window), in milliseconds. */
const RELEASE_WITHOUT_FRAMES_MS = 250;

/** The events that end a hold at once, before their handlers run. */
const INPUTS = ['keydown', 'pointerdown'] as const;

/**
 * `value` for a part of the window that may follow one frame late: `shown` is `value`, except
 * after `hold()`, when it stays the value last committed before the hold until the next frame has
 * been rendered (or `RELEASE_WITHOUT_FRAMES_MS` have passed without one, or a key or pointer is
 * pressed), then catches up (React renders again, painted in the frame after). App holds the
 * details and the Annotations panel on a tag or a delete from the reader: the reader's highlight
 * is painted in the first frame after the key, the panel in the second, and the panel's work does
 * not delay the highlight under the analyst's eyes. Holds made while one is held join it.
 */
export function useHeldUntilPainted<T>(value: T): [shown: T, hold: () => void] {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  const shown = held ? held.value : value;
  const committed = useRef(shown);
  useLayoutEffect(() => {
    committed.current = shown;
  });
  const hold = useCallback(() => {
    const value = committed.current;
    setHeld((h) => h ?? { value });
  }, []);
  useEffect(() => {
    if (!held) return;
    // Rendered, committed and its effects run at once (not in a task of React's scheduler, which
    // may come after the next frame), so the next frame paints it.
    const release = () => flushSync(() => setHeld(null));
    const cancelFrame = afterNextFrame(release);
    // A hidden window renders no frames: what it holds is let go all the same.
    const timer = setTimeout(release, RELEASE_WITHOUT_FRAMES_MS);
    // The next key or pointer press (Enter to the details' Type box, a click on a row) acts on
    // what the window shows: it is let go before any handler sees the press.
    for (const type of INPUTS) window.addEventListener(type, release, { capture: true });
    return () => {
      cancelFrame();
      clearTimeout(timer);
      for (const type of INPUTS) window.removeEventListener(type, release, { capture: true });
    };
  }, [held]);
  return [shown, hold];
}
