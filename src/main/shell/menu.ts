import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { sendEvent } from './ipc';

/** Menu items only ask the renderer to run a command, so menu, palette and shortcut share one path. */
export function installMenu(window: () => BrowserWindow | undefined): void {
  const run = (id: string) => () => {
    const win = window();
    if (win) sendEvent(win.webContents, 'app.command', { id });
  };
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: run('workspace.new') },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: run('workspace.open') },
        { label: 'Close Workspace', click: run('workspace.close') },
        { type: 'separator' },
        { label: 'Import Project (.qdpx)…', click: run('project.import') },
        { label: 'Export Project (.qdpx)…', click: run('project.export') },
        { type: 'separator' },
        { label: 'New Engagement', accelerator: 'CmdOrCtrl+Shift+E', click: run('engagement.new') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: run('palette.open') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Development only: a packaged build has no DevTools at all (app.ts, security.ts).
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        // The renderer lists every command beside its shortcut (the same registry the palette uses).
        { label: 'Keyboard Shortcuts', click: run('help.shortcuts') },
        { label: 'Command Palette…', click: run('palette.open') },
        // On macOS About sits in the app menu (appMenu role); elsewhere here. Both show setAboutPanelOptions.
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
