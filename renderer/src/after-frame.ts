/**
 * Runs `task` once the next frame has been rendered, before the frame after it is: at the earlier
 * of a user-blocking task posted from the next animation frame (`scheduler.postTask`, Chromium; a
 * timeout elsewhere) and the animation frame after that, as Chromium may run the following frame
 * before the task. Returns a function that cancels it.
 */
export function afterNextFrame(task: () => void): () => void {
  let state: 'waiting' | 'framed' | 'done' = 'waiting';
  const once = () => {
    if (state !== 'framed') return;
    state = 'done';
    task();
  };
  let frame = requestAnimationFrame(() => {
    state = 'framed';
    const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void> } }).scheduler;
    if (scheduler) void scheduler.postTask(once, { priority: 'user-blocking' });
    else setTimeout(once);
    frame = requestAnimationFrame(once);
  });
  return () => {
    state = 'done';
    cancelAnimationFrame(frame);
  };
}
