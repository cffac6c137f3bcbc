import { useEffect, useState } from 'react';
import { announceTextSizeChange } from '../editor/reading-position.js';

/** The reader's text sizes, as scales of its base size; the analyst steps through them with A− and A+. */
const READER_SCALES = [0.8, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2] as const;

const STORAGE_KEY = 'attest.readerScale';

/** The remembered scale, or 1 when none (or a value that is not one of `READER_SCALES`) is stored. */
function storedScale(): number {
  const value = Number(localStorage.getItem(STORAGE_KEY));
  return (READER_SCALES as readonly number[]).includes(value) ? value : 1;
}

/**
 * A− and A+ buttons that change the reader's text size (the `--reader-scale` CSS custom
 * property), remembered in the renderer's `localStorage` (kept by Electron across restarts).
 */
export function FontSizeControl() {
  const [scale, setScale] = useState(storedScale);
  useEffect(() => {
    document.documentElement.style.setProperty('--reader-scale', String(scale));
    localStorage.setItem(STORAGE_KEY, String(scale));
  }, [scale]);
  const i = (READER_SCALES as readonly number[]).indexOf(scale);
  // The reader notes its reading position before the size changes, and keeps it (reading-position.ts).
  const step = (to: number) => {
    announceTextSizeChange();
    setScale(to);
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
