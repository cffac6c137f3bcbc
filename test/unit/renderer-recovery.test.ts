import { describe as suite, expect, it } from 'vitest';
import { RendererRecovery, type RecoveryMessage } from '../../app/main/window/renderer-recovery.js';

/** A recovery whose actions are written down in order; `clock` is the time it sees (ms). */
function recording(answer = false) {
  const done: string[] = [];
  const told: RecoveryMessage[] = [];
  const clock = { now: 0 };
  const recovery = new RendererRecovery(
    {
      flush: () => done.push('flush'),
      reload: () => done.push('reload'),
      tell: (message) => (done.push('tell'), told.push(message)),
      askReload: async (message) => (done.push('ask'), told.push(message), answer),
      kill: () => done.push('kill'),
    },
    3,
    60_000,
    () => clock.now,
  );
  return { recovery, done, told, clock };
}

suite('the renderer going wrong: flushed, reloaded and told, never a blank window', () => {
  it('a crash: writes what main holds, reloads the page, and says why', () => {
    const { recovery, done, told } = recording();
    expect(recovery.gone({ reason: 'crashed', exitCode: 139 })).toBe('reloaded');
    expect(done).toEqual(['flush', 'reload', 'tell']);
    expect(told[0]).toMatchObject({ type: 'warning', detail: expect.stringContaining('crashed, exit code 139') });
  });

  it('a clean exit (the window closing) is left alone', () => {
    const { recovery, done } = recording();
    expect(recovery.gone({ reason: 'clean-exit', exitCode: 0 })).toBe('ignored');
    expect(done).toEqual([]);
  });

  it('a page that keeps failing is not reloaded in a loop: the third end within a minute is left, and told', () => {
    const { recovery, done, told, clock } = recording();
    expect(recovery.gone({ reason: 'oom', exitCode: 1 })).toBe('reloaded');
    clock.now = 61_000;
    expect(recovery.gone({ reason: 'oom', exitCode: 1 })).toBe('reloaded');
    clock.now = 62_000;
    expect(recovery.gone({ reason: 'oom', exitCode: 1 })).toBe('reloaded');
    clock.now = 63_000;
    expect(recovery.gone({ reason: 'oom', exitCode: 1 })).toBe('left');
    expect(done.slice(-2)).toEqual(['flush', 'tell']);
    expect(told.at(-1)).toMatchObject({ type: 'error', detail: expect.stringContaining('start it again') });
  });

  it('a page that does not respond: the analyst chooses; reloading ends the renderer, waiting does nothing', async () => {
    const waiting = recording(false);
    await waiting.recovery.unresponsive();
    expect(waiting.done).toEqual(['ask']);
    const reloading = recording(true);
    await reloading.recovery.unresponsive();
    expect(reloading.done).toEqual(['ask', 'kill']);
  });
});
