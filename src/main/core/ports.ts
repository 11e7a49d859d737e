import type { EventName, EventPayload } from '../../shared/contract/events';
import type { PrintPort } from './export/pdf/printPort';

/**
 * What the core needs from its host but cannot do itself. Electron implements
 * these with native dialogs; the loopback host and the CLI leave them out.
 */
export interface DialogPort {
  chooseNewWorkspace(suggestedName: string): Promise<string | null>;
  chooseWorkspace(): Promise<string | null>;
  /** Where to save a copy of a file; the dialog itself asks before replacing one. */
  chooseSaveFile(suggestedName: string): Promise<string | null>;
}

export type { PrintPort };

/**
 * Where the desktop app can keep a workspace's key for the person who asked it
 * to remember (Electron's safeStorage, over the OS keychain). Hosts without a
 * safe one leave it out; the core then says it is not available here.
 */
export interface KeychainPort {
  /** Null when secrets are kept safely here; otherwise the sentence why it cannot. */
  unavailableBecause(): string | null;
  save(account: string, secret: string): void;
  read(account: string): string | null;
  forget(account: string): void;
}

export interface CoreOptions {
  /** Where this installation keeps its settings (Electron: userData). */
  settingsFolder: string;
  /** Suggested folder for new workspaces. */
  defaultFolder: string;
  host: 'electron' | 'loopback';
  version: string;
  dialogs?: DialogPort;
  /** Remembers passphrases when asked (Electron's safeStorage); absent on the loopback host and in the CLI. */
  keychain?: KeychainPort;
  /** Prints the report's HTML to PDF (Electron's printToPDF, or Chromium through playwright-core). */
  printer?: PrintPort;
  /**
   * The workspace file the operating system handed this app — double-clicked, or named on a second launch —
   * taken once (Electron only). With the dialogs, the only ways a path reaches the core in the desktop app.
   */
  takeHandedWorkspace?: () => string | null;
  /** Push an event to this core's renderer (data.changed after a write); hosts without a renderer leave it out. */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** The renderer's answer to app.beforeClose: close the window, or keep it open (Electron). */
  onCloseAnswer?: (close: boolean) => void;
  log?: (message: string, detail?: unknown) => void;
}
