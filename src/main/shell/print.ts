import { BrowserWindow, session } from 'electron';
import type { PrintPort } from '../core';

/**
 * The print port in the desktop app (issue 13): the report's HTML in a hidden
 * window of its own in-memory session, with JavaScript off, printed by
 * Electron's printToPDF with tagging and the document outline (the outline
 * needs tagging on as well). The page is served on the app:// scheme of that
 * session only; every other request is refused, so nothing leaves the machine.
 */
export function electronPrinter(): PrintPort {
  return {
    async printPdf(html, signal) {
      signal?.throwIfAborted();
      const partition = `fieldnotes-print-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const ses = session.fromPartition(partition, { cache: false });
      ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('app://print/') }));
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      ses.protocol.handle('app', (request) =>
        request.url === 'app://print/report.html'
          ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
          : new Response('', { status: 404 }),
      );
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          session: ses,
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          // As in the app's window: a middle click opens nothing.
          disableBlinkFeatures: 'Auxclick',
        },
      });
      const abort = () => window.destroy();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        await window.loadURL('app://print/report.html');
        const pdf = await window.webContents.printToPDF({
          generateTaggedPDF: true,
          generateDocumentOutline: true,
          preferCSSPageSize: true,
          printBackground: true,
        });
        signal?.throwIfAborted();
        return new Uint8Array(pdf);
      } finally {
        signal?.removeEventListener('abort', abort);
        if (!window.isDestroyed()) window.destroy();
        ses.protocol.unhandle('app');
      }
    },
  };
}
