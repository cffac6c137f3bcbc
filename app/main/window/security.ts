import { app, session, type WebContents } from 'electron';

/** The scheme and host the renderer is served from (see `protocol.ts`). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'attest';
/** The renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Whether `url` is a page of the app itself (parsed, never prefix-matched). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Applies the Electron security checklist to every web contents and the default session:
 * navigation, new windows and webviews denied; every permission denied; every request that is
 * not to the app's own protocol cancelled at the network layer (no remote loads, ever).
 */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
