/** Why the renderer process ended: the `details` of Electron's `render-process-gone` event. */
export interface GoneDetails {
  /** `clean-exit`, `abnormal-exit`, `killed`, `crashed`, `oom`, `launch-failed`, `integrity-failure`, ... */
  reason: string;
  exitCode: number;
}

/** A message for the analyst: `dialog.showMessageBox`'s fields. */
export interface RecoveryMessage {
  type: 'warning' | 'error';
  message: string;
  detail: string;
}

/** What `RendererRecovery` does to the window; Electron's `webContents` and `dialog` in `index.ts`. */
export interface RecoveryActions {
  /** Writes every pending record now; never throws (`flushOutsideRequest`). */
  flush(): void;
  /** Loads the page again. */
  reload(): void;
  /** Tells the analyst (a message box; not waited for). */
  tell(message: RecoveryMessage): void;
  /** Asks whether to wait for a page that does not respond or to reload it: true to reload. */
  askReload(message: RecoveryMessage): Promise<boolean>;
  /** Ends the renderer process (Electron's `forcefullyCrashRenderer`): `gone` follows, with reason `killed`. */
  kill(): void;
}

/**
 * What main does when the renderer goes wrong. The renderer process ended other than cleanly
 * (`gone`): what main holds is written (`flush`; every change main has answered is in a journal
 * already), the page is reloaded and the analyst told why, unless it ended `limit` times within
 * `periodMs` (ms): then it is left, and the analyst told to start Attest again, rather than reload
 * in a loop. The page stops responding (`unresponsive`): the analyst chooses to wait or to reload
 * (the renderer is ended, and `gone` reloads it).
 */
export class RendererRecovery {
  private readonly ends: number[] = [];

  constructor(
    private readonly actions: RecoveryActions,
    private readonly limit = 3,
    private readonly periodMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Electron's `render-process-gone`: what was done. */
  gone(details: GoneDetails): 'ignored' | 'reloaded' | 'left' {
    if (details.reason === 'clean-exit') return 'ignored';
    this.actions.flush();
    const at = this.now();
    this.ends.push(at);
    while (this.ends[0] <= at - this.periodMs) this.ends.shift();
    const why = `The page's process ended (${details.reason}, exit code ${details.exitCode}).`;
    const kept = 'Every change Attest had confirmed is saved; a change made in the last moment before may be missing.';
    if (this.ends.length >= this.limit) {
      this.actions.tell({ type: 'error', message: 'The Attest window keeps failing', detail: `${why} It ended ${this.ends.length} times within a minute, so it is not reloaded again. ${kept} Quit Attest and start it again.` });
      return 'left';
    }
    this.actions.reload();
    this.actions.tell({ type: 'warning', message: 'The Attest window was reloaded', detail: `${why} ${kept}` });
    return 'reloaded';
  }

  /** Electron's `unresponsive`: asks the analyst; ends the renderer (then reloaded by `gone`) when told to reload. */
  async unresponsive(): Promise<void> {
    const reload = await this.actions.askReload({ type: 'warning', message: 'The Attest window is not responding', detail: 'Wait for it, or reload it. Every change Attest had confirmed is saved.' });
    if (reload) this.actions.kill();
  }
}
