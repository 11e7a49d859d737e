import { dirname } from 'node:path';
import { changedBy } from '../../shared/contract/changes';
import { dispatch } from '../../shared/rpc/dispatch';
import type { Result } from '../../shared/rpc/result';
import { explainStorageError } from './errors';
import { writeHeldShift } from './services/noteBlocks';
import { createHandlers } from './handlers';
import type { CoreOptions } from './ports';
import { Session } from './session';
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
  const log = options.log ?? ((message, detail) => console.error(`[core] ${message}`, detail));
  const session = new Session(log);
  sweepLeftovers([options.defaultFolder, ...settings.recent().map((r) => dirname(r.path))]);
  const handlers = createHandlers(options, settings, session);
  return {
    invoke: async (method, input) => {
      // What the last saves held back (the passages they moved) is written before anything else can read them;
      // a block save composes with it or writes it itself (services/noteBlocks.ts).
      const open = session.workspace?.db;
      try {
        if (open?.open && method !== 'notes.save') writeHeldShift(open);
      } catch (error) {
        log('the passages the last save moved could not be written yet', error);
      }
      const result = await dispatch(handlers, method, input, log, explainStorageError);
      // Announce what the call made stale, so every screen showing it refetches, whoever made the call.
      const namespaces = result.ok && typeof method === 'string' ? changedBy(method, { input, output: result.value }) : [];
      if (namespaces.length) options.emit?.('data.changed', { namespaces: [...namespaces] });
      return result;
    },
    close: () => {
      session.close();
    },
  };
}

export type { CoreOptions, DialogPort, PrintPort } from './ports';
