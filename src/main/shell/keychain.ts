import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeychainPort } from '../core/ports';

type Storage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * The keychain port over Electron's safeStorage: each secret is encrypted by
 * the OS (Keychain, DPAPI, libsecret/KWallet) and kept, encrypted, in one 0600
 * file in userData. On Linux with no secret service, safeStorage falls back
 * to `basic_text` — a key fixed in Chromium's source, so anyone with the file
 * could read it: there it refuses, with the reason (issue 12).
 */
export function safeStorageKeychain(storage: Storage, folder: string, platform: NodeJS.Platform = process.platform): KeychainPort {
  const file = join(folder, 'remembered-keys.json');
  const load = (): Record<string, string> => {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const store = (entries: Record<string, string>) => {
    mkdirSync(folder, { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(entries), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  };
  const unavailableBecause = (): string | null => {
    if (!storage.isEncryptionAvailable()) return 'This computer offers no keychain to Fieldnotes, so it cannot remember your passphrase.';
    if (platform === 'linux') {
      const backend = storage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        return 'This computer has no keyring service (such as GNOME Keyring or KWallet) running, so a remembered passphrase would be kept with a key anyone could read. Fieldnotes will not remember it here; enter it each time.';
      }
    }
    return null;
  };
  return {
    unavailableBecause,
    save(account, secret) {
      if (unavailableBecause()) throw new Error('keychain not safe here');
      store({ ...load(), [account]: storage.encryptString(secret).toString('base64') });
    },
    read(account) {
      const sealed = load()[account];
      if (!sealed || unavailableBecause()) return null;
      try {
        return storage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null; // another user's or another machine's: ask for the passphrase
      }
    },
    forget(account) {
      const entries = load();
      if (!(account in entries)) return;
      delete entries[account];
      store(entries);
    },
  };
}
