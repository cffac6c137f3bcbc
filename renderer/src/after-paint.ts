/**
 * Runs `task` as soon as the current frame has been rendered (call it from an animation frame): a
 * user-blocking task (`scheduler.postTask`, Chromium), so work queued during the frame (the
 * panel's list measuring a new row) does not run first; a timeout where there is no scheduler.
 */
export function afterFrame(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void> } }).scheduler;
  if (scheduler) void scheduler.postTask(task, { priority: 'user-blocking' });
  else setTimeout(task);
}

/**
 * Resolves just after the next frame is painted (`requestAnimationFrame`, then `afterFrame`), or
 * after `timeout` ms when no frame comes first (a hidden window paints none); in a timeout where
 * there are no frames (plain Node in unit tests). For work that must not delay what the analyst
 * is about to see, such as telling main about a change already shown.
 */
export function nextPaint(timeout = 100): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve);
    const timer = setTimeout(resolve, timeout);
    requestAnimationFrame(() =>
      afterFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
