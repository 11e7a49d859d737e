import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { z } from 'zod';
import { FieldnotesError } from '../../../shared/rpc/result';
import type { KeychainPort } from '../ports';
import type { WorkspaceKey } from './encryption';

const NOT_HERE = 'Remembering a passphrase needs the desktop app and its keychain; it is not available here.';

const StoredKey = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/), salt: z.string().regex(/^[0-9a-f]{32}$/) });

/** A workspace is remembered by where it really is (a renamed or moved file asks again). */
const account = (path: string) => `workspace:${realpathSync(path)}`;

function saltOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const salt = Buffer.alloc(16);
    readSync(fd, salt, 0, 16, 0);
    return salt.toString('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * Workspace keys kept in the host's keychain for those who asked. What is kept
 * is the derived key, not the passphrase: it opens this file only, and a
 * passphrase changed elsewhere (a new salt) makes it forgotten rather than tried.
 */
export function rememberedKeys(port: KeychainPort | undefined) {
  const unavailableBecause = (): string | null => (port ? port.unavailableBecause() : NOT_HERE);
  return {
    unavailableBecause,
    remember(path: string, key: WorkspaceKey): void {
      const why = unavailableBecause();
      if (why || !port) throw new FieldnotesError('UNAVAILABLE', why ?? NOT_HERE);
      port.save(account(path), JSON.stringify({ key: key.key, salt: key.salt }));
    },
    /** The remembered key for this file, if there is one that still fits it. */
    recall(path: string): WorkspaceKey | undefined {
      if (!port || unavailableBecause()) return undefined;
      const name = account(path);
      let stored: WorkspaceKey | undefined;
      try {
        const text = port.read(name);
        stored = text ? StoredKey.parse(JSON.parse(text)) : undefined;
      } catch {
        stored = undefined; // unreadable (another user's keychain, a damaged entry): ask for the passphrase
      }
      if (stored && stored.salt !== saltOf(path)) {
        port.forget(name);
        return undefined;
      }
      return stored;
    },
    forget(path: string): void {
      if (port) port.forget(account(path));
    },
  };
}

export type RememberedKeys = ReturnType<typeof rememberedKeys>;
