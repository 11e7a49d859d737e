import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_VERSION } from '../../shared/version';
import { createCore, type Core } from '../core';
import { nativeDialogs } from './dialogs';
import { APP_ORIGIN } from './guards';
import { handleInvocations, sendEvent } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { lockDownSession, lockDownWebContents } from './security';

const cores = new Map<number, Core>();
const CLOSE_GRACE_MS = 3000;
let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Fieldnotes',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const id = window.webContents.id;
  // Closing waits until the renderer has saved every note (app.beforeClose →
  // app.readyToClose), or at most a few seconds if the renderer is stuck.
  let mayClose = false;
  const closeNow = () => {
    mayClose = true;
    if (!window.isDestroyed()) window.close();
  };
  window.on('close', (event) => {
    if (mayClose) return;
    event.preventDefault();
    sendEvent(window.webContents, 'app.beforeClose', {});
    setTimeout(closeNow, CLOSE_GRACE_MS);
  });
  cores.set(
    id,
    createCore({
      settingsFolder: app.getPath('userData'),
      defaultFolder: app.getPath('documents'),
      host: 'electron',
      version: APP_VERSION,
      dialogs: nativeDialogs(() => mainWindow, app.getPath('documents')),
      onReadyToClose: closeNow,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    cores.get(id)?.close();
    cores.delete(id);
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Start the desktop app: one instance, one locked-down window over one core. */
export function startShell(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Fieldnotes is running; it is told (second-instance) and we leave.
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  lockDownWebContents();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    lockDownSession();
    serveRenderer(join(__dirname, '../renderer'));
    handleInvocations((sender) => cores.get(sender.id));
    installMenu(() => mainWindow);
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    for (const core of cores.values()) core.close();
  });
}
