import { useEffect, useRef, useState } from 'react';
import type { AttestApi } from '../../../app/core/ipc.js';
import { isReaderScale, READER_SCALES } from '../../../app/core/preferences.js';
import { announceTextSizeChange } from '../editor/reading-position.js';

/** This window's copy of the scale, so the first frame already has it; main's `preferences.json` is the record. */
const CACHE_KEY = 'attest.readerScale';

/** The scale this window last used, or 1 when none (or a value that is not one of `READER_SCALES`) is cached. */
function cachedScale(): number {
  const value = Number(localStorage.getItem(CACHE_KEY));
  return isReaderScale(value) ? value : 1;
}

/**
 * A− and A+ buttons that change the reader's text size (the `--reader-scale` CSS custom
 * property). Main keeps it among the analyst's preferences (`preferences:get`/`preferences:set`),
 * so it outlives the window and, in browser mode, the browser profile; a `localStorage` copy
 * gives the first frame the last size used here. A size main does not take stays for this window
 * and main's message is shown by `onError`.
 */
export function FontSizeControl({ api, onError }: { api: AttestApi; onError(message: string): void }) {
  const [scale, setScale] = useState(cachedScale);
  // Main's stored size, unless the analyst has changed the size before it arrives.
  const changed = useRef(false);
  useEffect(() => {
    void api.invoke('preferences:get', {}).then((result) => {
      if (!result.ok || changed.current) return;
      const stored = result.value.readerScale;
      // A size this window used before main kept one (an earlier version kept it here only) goes to main.
      if (stored === undefined) {
        if (cachedScale() !== 1) void api.invoke('preferences:set', { readerScale: cachedScale() });
      } else if (stored !== cachedScale()) {
        announceTextSizeChange();
        setScale(stored);
      }
    });
  }, [api]);
  useEffect(() => {
    document.documentElement.style.setProperty('--reader-scale', String(scale));
    localStorage.setItem(CACHE_KEY, String(scale));
  }, [scale]);
  const i = (READER_SCALES as readonly number[]).indexOf(scale);
  // The reader notes its reading position before the size changes, and keeps it (reading-position.ts).
  const step = (to: number) => {
    changed.current = true;
    announceTextSizeChange();
    setScale(to);
    void api.invoke('preferences:set', { readerScale: to }).then((result) => {
      if (!result.ok) onError(`The text size was not saved: ${result.error.message}`);
    });
  };
  return (
    <span className="toolbar-group" role="group" aria-label="Text size">
      <button type="button" aria-label="Smaller text" title="Smaller text" disabled={i <= 0} onClick={() => step(READER_SCALES[i - 1])}>
        A−
      </button>
      <button type="button" aria-label="Larger text" title="Larger text" disabled={i >= READER_SCALES.length - 1} onClick={() => step(READER_SCALES[i + 1])}>
        A+
      </button>
    </span>
  );
}
