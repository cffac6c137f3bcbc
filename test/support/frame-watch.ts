import type { Page } from '@playwright/test';

/**
 * What a key press is to show: a new annotation (`added`: the panel counts `count`, and a selected
 * highlight other than `previousId` has its selected row wholly in the panel's view and the
 * window), a deleted one (`deleted`: the panel counts `count`, and neither highlight nor row of
 * `id` is left), or any element showing a text (`text`: the element `selector` has `text`; for
 * the benchmark's frame floor).
 */
export type KeyOutcome =
  | { kind: 'added'; count: number; previousId: string | null }
  | { kind: 'deleted'; count: number; id: string }
  | { kind: 'text'; selector: string; text: string };

/** When a key's outcome was painted: milliseconds from the key event's time stamp to just after that frame (a user-blocking task, or the next animation frame when it comes first), and the frames (counted from 1 after the key) that first showed the highlight change and the whole outcome. */
export interface PaintedOutcome {
  ms: number;
  highlightFrame: number;
  outcomeFrame: number;
}

// Plain JavaScript evaluated in the page, so that no compiler adds helpers to it. At each animation
// frame after the key it reads the DOM that frame paints (rAF callbacks run after the frame's scroll
// events and before its style, layout and paint).
const WATCH = `(outcome) => {
  const count = () => Number(document.querySelector('.panel h2 .count')?.textContent ?? NaN);
  const highlightDone = () => outcome.kind === 'text' ? outcomeDone() : outcome.kind === 'added'
    ? [...document.querySelectorAll('.ProseMirror .hl-selected')].some((el) => el.getAttribute('data-annotation-id') !== outcome.previousId)
    : !document.querySelector('.ProseMirror [data-annotation-id="' + CSS.escape(outcome.id) + '"]');
  const outcomeDone = () => {
    if (outcome.kind === 'text') return document.querySelector(outcome.selector)?.textContent === outcome.text;
    if (count() !== outcome.count) return false;
    if (outcome.kind === 'deleted') return !document.querySelector('[data-annotation-id="' + CSS.escape(outcome.id) + '"]');
    const row = document.querySelector('.annotation-item.selected');
    const id = row && row.getAttribute('data-annotation-id');
    if (!id || id === outcome.previousId || !document.querySelector('.ProseMirror .hl-selected[data-annotation-id="' + CSS.escape(id) + '"]')) return false;
    const r = row.getBoundingClientRect();
    const view = row.closest('.annotation-scroller').getBoundingClientRect();
    return r.top >= Math.max(view.top, 0) - 1 && r.bottom <= Math.min(view.bottom, innerHeight) + 1;
  };
  window.__attestOutcome = new Promise((resolve, reject) => {
    const onKey = (event) => {
      window.removeEventListener('keydown', onKey, true);
      const start = event.timeStamp;
      let frame = 0;
      let highlightFrame = 0;
      const next = () => requestAnimationFrame(() => {
        frame++;
        if (!highlightFrame && highlightDone()) highlightFrame = frame;
        if (!outcomeDone()) return performance.now() - start < 10000 ? next() : reject(new Error('the key\\'s outcome was not painted within 10 s'));
        // The frame's work is done by a task posted now, and by the next frame's animation frame:
        // the task can come after it (Chromium may run the next frame first), so the earlier wins.
        let done = false;
        const after = () => {
          if (done) return;
          done = true;
          resolve({ ms: performance.now() - start, highlightFrame, outcomeFrame: frame });
        };
        if (globalThis.scheduler) scheduler.postTask(after, { priority: 'user-blocking' });
        else setTimeout(after);
        requestAnimationFrame(after);
      });
      next();
    };
    window.addEventListener('keydown', onKey, true);
    setTimeout(() => reject(new Error('no key came within 10 s')), 10000);
  });
}`;

/**
 * Presses `key` in `page` and waits for the first frame that paints `outcome` (see `KeyOutcome`),
 * checked in the page at every animation frame after the key: Attest's own marks are not used.
 */
export async function pressUntilPainted(page: Page, key: string, outcome: KeyOutcome): Promise<PaintedOutcome> {
  await page.evaluate(`(${WATCH})(${JSON.stringify(outcome)})`);
  await page.keyboard.press(key);
  return (await page.evaluate('window.__attestOutcome')) as PaintedOutcome;
}

/** The id of the selected annotation (the details region shows it), or null when none is selected. */
export function selectedId(page: Page): Promise<string | null> {
  return page.evaluate(`document.querySelector('.details[data-annotation-id]')?.getAttribute('data-annotation-id') ?? null`) as Promise<string | null>;
}
