import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { argon2id } from 'hash-wasm';
import { FieldnotesError } from '../../../shared/rpc/result';

/**
 * Encryption at rest, with SQLite3 Multiple Ciphers (better-sqlite3 is an
 * alias of its build). The workspace uses the SQLCipher 4 scheme (AES-256 and
 * an HMAC per page) with a raw key and an explicit salt: the key comes from the
 * passphrase through Argon2id (hash-wasm: no native code to rebuild), salted
 * per file, and the salt is the file's first 16 bytes — so the file carries
 * everything needed to open it except the passphrase, and its header no longer
 * says "SQLite format 3".
 */
export interface WorkspaceKey {
  /** 32 bytes, hex. */
  key: string;
  /** 16 bytes, hex: the file's first 16 bytes. */
  salt: string;
}

/** Argon2id cost: ~64 MiB and a few hundred milliseconds, once per open. */
const ARGON2 = { iterations: 3, memorySize: 64 * 1024, parallelism: 1, hashLength: 32 } as const;

export async function deriveKey(passphrase: string, salt: Buffer): Promise<WorkspaceKey> {
  const key = await argon2id({ password: passphrase.normalize('NFC'), salt, ...ARGON2, outputType: 'hex' });
  return { key, salt: salt.toString('hex') };
}

/** A new key for a file that is being encrypted (or re-encrypted): a fresh salt. */
export const newKey = (passphrase: string): Promise<WorkspaceKey> => deriveKey(passphrase, randomBytes(16));

/** The key for an existing encrypted file: its salt is its first 16 bytes. */
export function keyForFile(path: string, passphrase: string): Promise<WorkspaceKey> {
  const fd = openSync(path, 'r');
  try {
    const salt = Buffer.alloc(16);
    if (readSync(fd, salt, 0, 16, 0) < 16) throw new FieldnotesError('NOT_A_WORKSPACE', `"${basename(path)}" is too short to be a workspace.`);
    return deriveKey(passphrase, salt);
  } finally {
    closeSync(fd);
  }
}

const keyLiteral = (k: WorkspaceKey) => `"x'${k.key}${k.salt}'"`;

/** Before any other pragma or read: choose the scheme and give the key. */
export function applyKey(db: Database.Database, key: WorkspaceKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = ${keyLiteral(key)}`);
}

export const unlockWith = (key: WorkspaceKey | undefined) => (key ? (db: Database.Database) => applyKey(db, key) : undefined);

/**
 * Encrypt, re-key or decrypt (`next` null) the open connection's file.
 * SQLite3 Multiple Ciphers cannot rekey in WAL mode: leave WAL for the rekey
 * and come back.
 */
export function rekey(db: Database.Database, next: WorkspaceKey | null): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    if (next) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
    }
    db.pragma(`rekey = ${next ? keyLiteral(next) : "''"}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

export const wrongPassphrase = (path: string) =>
  new FieldnotesError(
    'WRONG_PASSPHRASE',
    `That passphrase does not open "${basename(path)}" (or the file is not a Fieldnotes workspace). Check it and try again; the file has not been changed.`,
  );

export const passphraseNeeded = (path: string) =>
  new FieldnotesError(
    'PASSPHRASE_NEEDED',
    `"${basename(path)}" is encrypted (or is not a Fieldnotes workspace). Enter its passphrase to open it.`,
  );
