import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
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
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
