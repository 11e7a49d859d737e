import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme, safeStorage } from 'electron';
import { APP_VERSION } from '../../shared/version';
import { createCore, type Core } from '../core';
import { nativeDialogs } from './dialogs';
import { safeStorageKeychain } from './keychain';
import { electronPrinter } from './print';
import { APP_ORIGIN } from './guards';
import { HandedWorkspace, workspaceFromArgv } from './handedFiles';
import { handleInvocations, sendEvent } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { lockDownSession, lockDownWebContents } from './security';
import { followSystemTheme, windowBackground } from './windowBackground';

/** Each window's core (its session), by the window's webContents id: the shell's one map, emptied as windows close. */
const cores = new Map<number, Core>();
/** How long a renderer may take to answer app.beforeClose before it is taken to be stuck. */
const NO_ANSWER_MS = 10_000;
/** Set by Cmd+Q / Quit: once the window has closed after saving, quit for real. */
let quitting = false;
let mainWindow: BrowserWindow | undefined;
/** A workspace file the OS handed us (double-click, second launch, macOS open-file), until the core takes it. */
const handed = new HandedWorkspace();

/** The app's icon: beside the asar when packaged (electron-builder.yml extraResources), in resources/ otherwise. */
function iconPath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'resources', 'icons', '512x512.png');
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Fieldnotes',
    backgroundColor: windowBackground(nativeTheme),
    // macOS takes the icon from the app bundle; Linux and Windows from here.
    icon: iconPath(),
    webPreferences: {
      // No DevTools in a packaged build (security.ts also closes them should anything open them).
      devTools: !app.isPackaged,
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click must not open anything (window.open is denied anyway; this stops the event itself).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  const id = window.webContents.id;
  // Closing asks the renderer first (app.beforeClose): it saves every note and answers. If a note cannot
  // be saved, the reviewer decides. Only a renderer that does not answer at all is closed regardless.
  let mayClose = false;
  let unanswered: ReturnType<typeof setTimeout> | null = null;
  const closeNow = () => {
    if (unanswered) clearTimeout(unanswered);
    unanswered = null;
    mayClose = true;
    if (!window.isDestroyed()) window.close();
  };
  const answer = (close: boolean) => {
    if (close) return closeNow();
    if (unanswered) clearTimeout(unanswered);
    unanswered = null;
    quitting = false;
  };
  window.on('close', (event) => {
    if (mayClose) return;
    event.preventDefault();
    if (unanswered) return;
    sendEvent(window.webContents, 'app.beforeClose', {});
    unanswered = setTimeout(closeNow, NO_ANSWER_MS);
  });
  cores.set(
    id,
    createCore({
      settingsFolder: app.getPath('userData'),
      defaultFolder: app.getPath('documents'),
      host: 'electron',
      version: APP_VERSION,
      dialogs: nativeDialogs(() => mainWindow, app.getPath('documents')),
      keychain: safeStorageKeychain(safeStorage, app.getPath('userData')),
      printer: electronPrinter(),
      onCloseAnswer: answer,
      takeHandedWorkspace: () => handed.take(),
      emit: (event, payload) => sendEvent(window.webContents, event, payload),
    }),
  );
  window.once('ready-to-show', () => window.show());
  const stopFollowingTheme = followSystemTheme(nativeTheme, window);
  window.on('closed', () => {
    stopFollowingTheme();
    if (quitting) setImmediate(() => app.quit());
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
  app.setName('Fieldnotes');
  app.setAboutPanelOptions({
    applicationName: 'Fieldnotes',
    applicationVersion: APP_VERSION,
    version: '',
    copyright: 'Evidence for an independent review panel, kept offline.',
    iconPath: iconPath(),
  });
  registerAppScheme();
  lockDownWebContents();

  // A double-clicked workspace: the renderer opens it (workspace.openHanded) after saving any open note.
  // At launch it asks by itself once ready; later the window is told with app.command.
  const openHanded = (path: string | null) => {
    if (!handed.hand(path) || !mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    sendEvent(mainWindow.webContents, 'app.command', { id: 'workspace.openHanded' });
  };
  handed.hand(workspaceFromArgv(process.argv, process.cwd()));
  // macOS hands files through open-file, which may come before ready: register it now.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openHanded(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openHanded(workspaceFromArgv(argv, workingDirectory));
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
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    for (const core of cores.values()) core.close();
  });
}
