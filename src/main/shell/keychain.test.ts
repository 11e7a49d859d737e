import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFolders } from '../core/testing/tempWorkspace';
import { safeStorageKeychain } from './keychain';

const folders = tempFolders();
afterEach(() => folders.cleanup());

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** Stands in for Electron's safeStorage: "encrypts" by reversing and tagging, so a test can tell sealed from plain. */
function fakeSafeStorage(available: boolean, backend: Backend) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('not ours');
      return [...text.slice(7)].reverse().join('');
    },
  };
}

describe('the keychain over safeStorage', () => {
  it('keeps secrets sealed by the OS in a 0600 file, reads them back, forgets them', () => {
    const folder = folders.make();
    const keychain = safeStorageKeychain(fakeSafeStorage(true, 'gnome_libsecret'), folder, 'linux');
    expect(keychain.unavailableBecause()).toBeNull();
    keychain.save('workspace:/a.fieldnotes', 'key-material');
    const file = join(folder, 'remembered-keys.json');
    expect(readFileSync(file, 'utf8')).not.toContain('key-material');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keychain.read('workspace:/a.fieldnotes')).toBe('key-material');
    keychain.forget('workspace:/a.fieldnotes');
    expect(keychain.read('workspace:/a.fieldnotes')).toBeNull();
  });

  it("refuses on Linux where safeStorage would use basic_text (a fixed key), saying why", () => {
    const keychain = safeStorageKeychain(fakeSafeStorage(true, 'basic_text'), folders.make(), 'linux');
    expect(keychain.unavailableBecause()).toMatch(/no keyring service .* anyone could read/);
    expect(() => keychain.save('workspace:/a', 'secret')).toThrow();
    expect(keychain.read('workspace:/a')).toBeNull();
  });

  it('refuses where no encryption is available, and does not ask Linux backends elsewhere', () => {
    expect(safeStorageKeychain(fakeSafeStorage(false, 'unknown'), folders.make(), 'darwin').unavailableBecause()).toMatch(/no keychain/);
    expect(safeStorageKeychain(fakeSafeStorage(true, 'unknown'), folders.make(), 'win32').unavailableBecause()).toBeNull();
  });
});
