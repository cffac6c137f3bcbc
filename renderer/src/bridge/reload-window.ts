import type { AttestApi } from '../../../app/core/ipc.js';

/**
 * Reloads the app's page. In Electron main reloads the window (`window:reload`): main denies every
 * navigation the page starts itself, a reload too. In browser mode the page reloads itself.
 * Resolves with null once the reload is under way, or with why it could not be (a sentence).
 */
export async function reloadWindow(api: AttestApi): Promise<string | null> {
  if (api.runtime === 'browser') {
    location.reload();
    return null;
  }
  const result = await api.invoke('window:reload', {});
  return result.ok ? null : `Attest could not reload: ${result.error.message}`;
}
