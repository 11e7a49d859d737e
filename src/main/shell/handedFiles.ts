/**
 * The workspace file the operating system hands the app: on Windows and Linux as a command-line argument (a
 * double-click starts `Fieldnotes file.fieldnotes`; a second launch passes its argv to the first through
 * second-instance), on macOS through open-file. Pure, so it is unit-tested under Node.
 */
import { isAbsolute, resolve } from 'node:path';
import { WORKSPACE_EXTENSION } from '../../shared/domain/workspace';

/** The last argument naming a workspace file, resolved against the launch's working folder; switches are skipped. */
export function workspaceFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(WORKSPACE_EXTENSION)) continue;
    return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return null;
}

/** Holds the one file handed to the app until the window's core takes it (workspace.openHanded). */
export class HandedWorkspace {
  private path: string | null = null;

  hand(path: string | null): boolean {
    if (!path) return false;
    this.path = path;
    return true;
  }

  take(): string | null {
    const path = this.path;
    this.path = null;
    return path;
  }
}
