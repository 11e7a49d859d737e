import { dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { DialogPort } from '../core';

const filters = [{ name: 'Fieldnotes workspace', extensions: ['fieldnotes'] }];

/** The core's dialog port, answered by the operating system's own file dialogs. */
export function nativeDialogs(window: () => BrowserWindow | undefined, defaultFolder: string): DialogPort {
  return {
    async chooseNewWorkspace(suggestedName) {
      const win = window();
      const options = {
        title: 'Create workspace',
        defaultPath: join(defaultFolder, `${suggestedName || 'Review'}.fieldnotes`),
        filters,
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseSaveFile(suggestedName) {
      const win = window();
      const options = { title: 'Save a copy', defaultPath: join(defaultFolder, suggestedName) };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseWorkspace() {
      const win = window();
      const options = {
        title: 'Open workspace',
        defaultPath: defaultFolder,
        filters,
        properties: ['openFile' as const],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
