import { app, session, type WebContents } from 'electron';
import { isAllowedRequest, isAppUrl } from './guards';

/**
 * The app never touches the network: every request that is not our own
 * protocol is cancelled, and every permission (camera, notifications,
 * geolocation…) is refused.
 */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  // On Linux and Windows Chromium downloads Hunspell dictionaries from the web: point it at our own
  // protocol instead (no dictionaries are bundled yet, so spelling falls back to none rather than to the network).
  ses.setSpellCheckerDictionaryDownloadURL('app://fieldnotes/dictionaries/');
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** No navigation away from our pages, no new windows, no webviews — for every web contents created. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
