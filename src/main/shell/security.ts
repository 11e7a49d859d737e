import { app, session, type WebContents } from 'electron';
import { isAllowedRequest, mayNavigate } from './guards';

/**
 * The app never touches the network: every request that is not our own
 * protocol is cancelled, every download refused (the core writes exported
 * files itself, through the dialog port), and every permission (camera,
 * notifications, geolocation…) is refused.
 */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  // On Linux and Windows Chromium downloads Hunspell dictionaries from the web: point it at our own
  // protocol instead (no dictionaries are bundled yet, so spelling falls back to none rather than to the network).
  ses.setSpellCheckerDictionaryDownloadURL('app://fieldnotes/dictionaries/');
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * No navigation away from our pages (by the page or by any frame in it), no new windows, no webviews, and in
 * a packaged build no DevTools — for every web contents created.
 */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => {
      if (!mayNavigate(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!mayNavigate(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!mayNavigate(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // webPreferences.devTools is off in a packaged build; this closes them should anything still open them.
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}
