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

/**
 * When a key's outcome was painted: milliseconds from the key event's time stamp to the end of the
 * frame that first showed the whole outcome (`ms`) and of the one that first showed the highlight
 * change (`highlightMs`: the new highlight selected, or the deleted one gone), and those frames,
 * counted from 1 after the key. A frame ends at the earlier of a user-blocking task posted from its
 * first animation frame callback and the next frame's first one.
 */
export interface PaintedOutcome {
  ms: number;
  highlightMs: number;
  highlightFrame: number;
  outcomeFrame: number;
}

// Plain JavaScript evaluated in the page, so that no compiler adds helpers to it. At each frame
// after the key it reads the DOM that frame paints: in a ResizeObserver callback, which a frame's
// rendering steps run after its scroll events, all its animation frame callbacks (the page's own
// included), style and layout, and before paint. A small hidden element changes width at each
// animation frame, so the observer is called in every frame.
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
      clearTimeout(noKey);
      const start = event.timeStamp;
      let frame = 0;
      let highlightFrame = 0;
      let highlightMs = NaN;
      // The end of frame n is stamped by a user-blocking task posted from its first animation frame
      // callback (this watcher's: tasks posted later in the frame, the page's own, run after it),
      // or by the next frame's first animation frame callback when that comes first (Chromium may
      // run the next frame before the task).
      let ended = 0;
      const atEnd = new Map();
      const endOf = (n) => {
        if (n <= ended) return;
        ended = n;
        const now = performance.now();
        for (const stamp of atEnd.get(n) ?? []) stamp(now);
        atEnd.delete(n);
      };
      const whenEnded = (n, stamp) => atEnd.set(n, [...(atEnd.get(n) ?? []), stamp]);
      const probe = document.createElement('div');
      probe.style.cssText = 'position: fixed; inset-block-start: 0; inset-inline-start: 0; block-size: 1px; inline-size: 1px; visibility: hidden; pointer-events: none;';
      document.body.append(probe);
      let seen = false;
      let finished = false;
      let late = 0;
      const finish = () => {
        finished = true;
        clearTimeout(late);
        observer.disconnect();
        probe.remove();
      };
      const observer = new ResizeObserver(() => {
        if (seen) return;
        if (!highlightFrame && highlightDone()) {
          highlightFrame = frame;
          whenEnded(frame, (now) => { highlightMs = now - start; });
        }
        if (!outcomeDone()) return;
        seen = true;
        const outcomeFrame = frame;
        whenEnded(frame, (now) => {
          finish();
          resolve({ ms: now - start, highlightMs, highlightFrame, outcomeFrame });
        });
      });
      observer.observe(probe);
      const next = () => requestAnimationFrame(() => {
        endOf(frame);
        if (finished) return;
        const n = ++frame;
        if (globalThis.scheduler) scheduler.postTask(() => endOf(n), { priority: 'user-blocking' });
        else setTimeout(() => endOf(n));
        probe.style.inlineSize = probe.style.inlineSize === '1px' ? '2px' : '1px';
        next();
      });
      next();
      late = setTimeout(() => {
        finish();
        reject(new Error('the key\\'s outcome was not painted within 10 s'));
      }, 10000);
    };
    window.addEventListener('keydown', onKey, true);
    const noKey = setTimeout(() => {
      window.removeEventListener('keydown', onKey, true);
      reject(new Error('no key came within 10 s'));
    }, 10000);
  });
}`;

/**
 * Presses `key` in `page` and waits for the first frame that paints `outcome` (see `KeyOutcome`),
 * checked in the page at every frame after the key, just before its paint: Attest's own marks are not used.
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
