import type { AttestApi } from '../../app/core/ipc.js';
import { createHttpBridge } from './bridge/http-bridge.js';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in browser mode. */
    attest?: AttestApi;
  }
}

/**
 * The renderer's way to main: the preload's `window.attest` in Electron, else the HTTP bridge
 * of browser mode when the page was opened with its token (`#token=…`). Null when neither.
 */
export function connect(): AttestApi | null {
  if (window.attest) return window.attest;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  return token ? createHttpBridge(token) : null;
}
