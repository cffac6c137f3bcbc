import { app, session, type WebContents } from 'electron';
import { isNavigationAllowed, isPermissionGranted, isRequestAllowed } from './policy.js';

export { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './policy.js';

/**
 * Applies the Electron security checklist to every web contents and the default session:
 * navigation, new windows and webviews denied; every permission denied; every request that is
 * not to the app's own protocol cancelled at the network layer (no remote loads, ever).
 */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url) });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => ({ action: isNavigationAllowed(url) ? 'allow' : 'deny' }));
  });
}
