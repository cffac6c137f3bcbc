/**
 * A state held outside React that components read with `useSyncExternalStore`: `subscribe` and
 * `getSnapshot` as React wants them; `set` replaces the state with a new object (shallow merge
 * of `patch`) and tells every listener.
 */
export class ExternalStore<S extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(protected state: S) {}

  /** Subscribes to state changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state; a new object after every change. */
  getSnapshot = (): S => this.state;

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
