import { ipcMain } from 'electron';
import { ipcContract, type IpcResult } from '../../core/ipc.js';
import { isAppUrl } from '../window/policy.js';
import { dispatch } from './dispatch.js';
import type { Handlers } from './context.js';

/**
 * Registers every channel of the IPC contract with `ipcMain` (its only user). A request from a
 * frame that is not the app's own page (checked with a URL parser) is refused; the handlers know
 * the window that asked as their `Caller`.
 */
export function registerIpc(handlers: Handlers): void {
  for (const channel of Object.keys(ipcContract)) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) return { ok: false, error: { code: 'forbidden', message: `${channel}: requests from ${url || 'an unknown frame'} are refused` } };
      return dispatch(handlers, channel, payload, { reload: () => event.sender.reload() });
    });
  }
}
