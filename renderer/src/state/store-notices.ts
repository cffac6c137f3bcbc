import type { IpcResponse } from '../../../app/core/ipc.js';

/**
 * The message shown when main found damaged store files at start: which file, where the damaged
 * copy was kept, and whether the last good copy came back.
 */
export function describeStoreNotices(notices: IpcResponse<'session:notices'>): string {
  return notices
    .map((n) => {
      const kept = `The damaged file was kept as ${n.movedTo}.`;
      return n.restoredFrom
        ? `A data file could not be read (${n.path}): its last good copy was restored. ${kept}`
        : `A data file could not be read (${n.path}) and it had no good copy: it starts empty. ${kept}`;
    })
    .join(' ');
}
