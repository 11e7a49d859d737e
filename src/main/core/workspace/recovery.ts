import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { FieldnotesError } from '../../../shared/rpc/result';
import { listBackups, type BackupInfo } from '../backup/backups';
import { applyKey, type WorkspaceKey } from './encryption';
import { corrupt } from './errors';
import { CHECK_FOLDER_PREFIX } from './examine';
import { inspectWorkspace } from './workspace';

/** The integrity check's lines that speak only of an index: the rows themselves are sound. */
const INDEX_FINDING = /^(row \d+ missing from index \S+|wrong # of entries in index \S+|non-unique entry in index \S+)$/;

/** True when every finding is about an index, so REINDEX can rebuild what is missing from the rows. */
export const onlyIndexesDamaged = (findings: string[]): boolean => findings.length > 0 && findings.every((f) => INDEX_FINDING.test(f));

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** The newest backup of a workspace that passes the full check; null when none does. */
export function newestGoodBackup(workspacePath: string, key?: WorkspaceKey): BackupInfo | null {
  for (const backup of listBackups(workspacePath)) {
    try {
      const inspection = inspectWorkspace(backup.path, key);
      if (inspection.integrity[0] === 'ok' && inspection.foreignKeyProblems === 0) return backup;
    } catch {
      // Unreadable or under another passphrase: try the one before it.
    }
  }
  return null;
}

/**
 * Rebuild a workspace whose rows are sound but whose indexes are damaged: the
 * indexes are rebuilt (REINDEX) in a copy, the copy must pass the full check,
 * and only then does it take the file's place — the damaged file is kept
 * beside it as `<file>.damaged-<time>`, never written to.
 */
export function rebuildIndexesIntoCopy(inputPath: string, key?: WorkspaceKey): { setAside: string } {
  const path = resolve(inputPath);
  const at = stamp();
  const copy = `${path}.rebuilding-${at}`;
  copyFileSync(path, copy);
  chmodSync(copy, 0o600);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  try {
    const db = new Database(copy, { fileMustExist: true });
    try {
      if (key) applyKey(db, key);
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('REINDEX');
      const lines = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
      if (lines[0] !== 'ok') throw corrupt(basename(path), lines);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE'); // one file, no log to carry into place
    } finally {
      db.close();
    }
    const setAside = `${path}.damaged-${at}`;
    renameSync(path, setAside);
    if (existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${setAside}-wal`);
    renameSync(copy, path);
    return { setAside };
  } finally {
    rmSync(copy, { force: true });
    rmSync(`${copy}-wal`, { force: true });
  }
}

/**
 * A consistent copy of an open workspace, as bytes for the one file-out path
 * (saveAs): `VACUUM INTO` a private 0700 folder, read, removed. An encrypted
 * workspace's copy is encrypted under the same key, so nothing plain touches the disk.
 */
export function consistentCopy(db: Database.Database): Buffer {
  const folder = mkdtempSync(join(tmpdir(), `${CHECK_FOLDER_PREFIX}${process.pid}-`));
  try {
    const file = join(folder, 'copy.fieldnotes');
    db.prepare('VACUUM INTO ?').run(file);
    return readFileSync(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export const nothingRefused = () =>
  new FieldnotesError('NOT_FOUND', 'No workspace is waiting to be opened this way. Open it again from the start screen.');
