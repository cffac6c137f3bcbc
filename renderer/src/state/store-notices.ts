import type { IpcResponse } from '../../../app/core/ipc.js';

/**
 * The message shown when main found damaged store files (which file, where the damaged copy was
 * kept, and whether the last good copy came back) or could not write a record (which file, why,
 * and that its changes are kept and it is tried again).
 */
export function describeStoreNotices(notices: IpcResponse<'session:notices'>): string {
  return notices
    .map((n) => {
      if ('kind' in n) return `Your annotations could not be saved to ${n.path} (${n.reason}). Nothing is lost: the changes are kept in ${n.journal}, and Attest saves them again as soon as it can.`;
      const kept = `The damaged file was kept as ${n.movedTo}.`;
      return n.restoredFrom
        ? `A data file could not be read (${n.path}): its last good copy was restored. ${kept}`
        : `A data file could not be read (${n.path}) and it had no good copy: it starts empty. ${kept}`;
    })
    .join(' ');
}
