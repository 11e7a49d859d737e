import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder Electron calls userData for this app, so the CLI and the desktop
 * app share one reviewer identity on a machine. FIELDNOTES_HOME overrides it.
 */
export function defaultSettingsFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FIELDNOTES_HOME) return env.FIELDNOTES_HOME;
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'fieldnotes');
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'fieldnotes');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'fieldnotes');
  }
}
