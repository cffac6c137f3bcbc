/**
 * Runs `task` when the renderer is next idle (`requestIdleCallback`, within `timeout` ms), or in
 * a timeout where there is none (plain Node in unit tests). Returns a function that cancels it.
 */
export function whenIdle(task: () => void, timeout = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task);
  return () => clearTimeout(handle);
}
