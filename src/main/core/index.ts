import { dirname } from 'node:path';
import { dispatch } from '../../shared/rpc/dispatch';
import type { Result } from '../../shared/rpc/result';
import { explainStorageError } from './errors';
import { discardUploads } from './files/uploads';
import { createHandlers, type Session } from './handlers';
import type { CoreOptions } from './ports';
import { InstallationSettings } from './settings/settings';
import { sweepLeftovers } from './workspace/leftovers';

export interface Core {
  /** The single entry point every host uses: unvalidated input in, Result out. */
  invoke(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Close the open workspace (window close, quit, host shutdown). */
  close(): void;
}

/** One core per window: the Electron shell, the loopback host and tests all build it this way. */
export function createCore(options: CoreOptions): Core {
  const settings = new InstallationSettings(options.settingsFolder);
  const session: Session = { workspace: null };
  sweepLeftovers([options.defaultFolder, ...settings.recent().map((r) => dirname(r.path))]);
  const handlers = createHandlers(options, settings, session);
  const log = options.log ?? ((message, detail) => console.error(`[core] ${message}`, detail));
  return {
    invoke: (method, input) => dispatch(handlers, method, input, log, explainStorageError),
    close: () => {
      discardUploads(session); // temporary upload files may hold personal data
      session.workspace?.close();
      session.workspace = null;
    },
  };
}

export type { CoreOptions, DialogPort } from './ports';
