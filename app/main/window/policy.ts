/**
 * The Electron security policy as plain functions (no Electron import, so plain Node tests run
 * them): what the renderer may load, whether IPC comes from the app's own frame, and what may
 * be asked of the OS. `security.ts` applies them to the session and every web contents.
 */

/** The scheme and host the renderer is served from (see `protocol.ts`). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'attest';
/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Whether `url` is a page of the app itself (parsed, never prefix-matched). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Whether the session may make a request for `url`: the app's own files and the developer tools, nothing else (parsed). */
export function isRequestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return new URL(url).protocol === 'devtools:';
  } catch {
    return false;
  }
}

/** Whether a permission (camera, notifications, clipboard, …) is granted: never; Attest needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** Whether the page may navigate to `url` or open it in a new window: never; the app is one page. */
export function isNavigationAllowed(_url: string): boolean {
  return false;
}
