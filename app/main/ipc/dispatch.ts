import { ipcContract, type IpcChannel, type IpcErrorCode, type IpcResult } from '../../core/ipc.js';
import { ExportError } from '../exporters/export-error.js';
import { ImportError } from '../importers/errors.js';
import { LabelError } from '../labels/label-settings.js';
import { LibraryError } from '../library/library.js';
import { StoreError } from '../store/store-error.js';
import { HandlerError, type Caller, type Handlers } from './context.js';

function isChannel(channel: unknown): channel is IpcChannel {
  return typeof channel === 'string' && Object.hasOwn(ipcContract, channel);
}

function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The one choke point for renderer requests, in Electron and in browser mode alike: checks that
 * `channel` is in the contract, validates `payload` (from `unknown`) with the channel's request
 * schema, runs the handler (with `caller`, the renderer that asked, when known) and answers `{ ok, value } | { ok: false, error }`; never throws.
 * The main process's own errors become codes here: `ImportError` (unsupported/unreadable),
 * `HandlerError` and `LibraryError` (their code), `LabelError` (invalid-request), `ExportError`
 * (unwritable), `StoreError`
 * and anything else (internal).
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, caller?: Caller): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return fail('unknown-channel', `no IPC channel ${JSON.stringify(channel)}`);
  const parsed = ipcContract[channel].request.safeParse(payload);
  if (!parsed.success) return fail('invalid-request', `${channel}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`);
  try {
    const handler = handlers[channel] as (request: unknown, caller?: Caller) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, caller) };
  } catch (error) {
    if (error instanceof ImportError) return fail(error.code === 'unsupported' ? 'unsupported' : 'unreadable', error.message);
    if (error instanceof HandlerError || error instanceof LibraryError) return fail(error.code, error.message);
    if (error instanceof LabelError) return fail('invalid-request', error.message);
    if (error instanceof ExportError) return fail('unwritable', error.message);
    if (error instanceof StoreError) return fail('internal', `the store could not be read: ${error.message}`);
    return fail('internal', `${channel} failed: ${(error as Error).message}`);
  }
}
