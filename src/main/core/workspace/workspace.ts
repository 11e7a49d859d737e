import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdtempSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import { FieldnotesError } from '../../../shared/rpc/result';
import { migrate, type MigrationReport } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { APPLICATION_ID, applyConnectionPragmas, sniffHeader, sqliteCode } from '../db/sqlite';
import { backupFolderFor, discardBackups, listBackups, restoreBackup, takeBackup, type BackupInfo } from '../backup/backups';
import { keepFileCurrent, type CheckpointTiming } from './checkpoint';
import { applyKey, passphraseNeeded, rekey, unlockWith, wrongPassphrase, type WorkspaceKey } from './encryption';
import { corrupt, explainOpenError } from './errors';
import { startLog } from './logToken';
import { CHECK_FOLDER_PREFIX, examineWorkspace, integrityFindings, refuseIfHeldElsewhere, walRefusal, type Examination } from './examine';
import { readWal } from './wal';
import { setChangeActor, startChangeSession } from '../store/changeLog';
import { recordReviewer } from '../store/reviewers';
import { writeHeldShift } from '../store/passages';
import { allMeta, writeMeta } from '../store/workspaceMeta';
import { openInThisProcess } from './openHere';
import { forgetConnection } from './connectionMemory';

export interface Workspace {
  readonly path: string;
  readonly db: Database.Database;
  /** What opening did that the person should hear about (a recovery log applied), if anything. */
  readonly notice: string | null;
  /** Take a verified backup now (before an import, or when asked); null when backups are off. */
  backupNow(reason: string): BackupInfo | null;
  encrypted(): boolean;
  /** The key it was opened with (to remember it, or to open its backups); undefined when it is not encrypted. */
  currentKey(): WorkspaceKey | undefined;
  /** Encrypt, change the passphrase, or (null) decrypt. Earlier backups are replaced by one under the new key. */
  setKey(next: WorkspaceKey | null): void;
  info(): WorkspaceInfo;
  close(): void;
}

export interface OpenOptions {
  /** Called with the path of the safety copy taken before a migration. */
  onBackup?: (backupPath: string) => void;
  /** Told what a long migration is doing, before and after it (db/migrate.ts). */
  onMigration?: MigrationReport;
  /** When to fold the WAL back into the file (tests shorten it). */
  checkpoint?: CheckpointTiming;
  /** The key of an encrypted workspace (from its passphrase: encryption.ts). */
  key?: WorkspaceKey;
  /** Automatic backups (the app turns them on; the CLI and most tests do not). */
  backups?: BackupPolicy;
}

export interface BackupPolicy {
  /** Where to keep them; default a folder beside the workspace. */
  folder?: string;
  /** While the workspace is being edited, a backup at most this often. */
  everyMinutes?: number;
  /** How often to look whether one is due (tests shorten it). */
  pollMs?: number;
}


function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The checks before SQLite touches the file. Returns the key to open it with:
 * the one given when the file is encrypted, none when it is plain.
 */
function checkFileBeforeSqlite(path: string, key?: WorkspaceKey): WorkspaceKey | undefined {
  const file = basename(path);
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new FieldnotesError(
      'NOT_FOUND',
      `There is no file at "${path}". It may have been moved, renamed or deleted.`,
    );
  }
  if (!stats.isFile()) {
    throw new FieldnotesError('NOT_A_WORKSPACE', `"${file}" is a folder, not a workspace file.`);
  }
  const header = readHeader(path);
  const kind = sniffHeader(header);
  // An encrypted workspace is whole pages of noise: ask for its passphrase.
  const couldBeEncrypted = kind === 'other' && stats.size >= 4096 && stats.size % 512 === 0;
  if (couldBeEncrypted && key) return key;
  if (couldBeEncrypted) throw passphraseNeeded(path);
  if (kind !== 'sqlite') {
    throw new FieldnotesError(
      'NOT_A_WORKSPACE',
      kind === 'empty'
        ? `"${file}" is empty, so it is not a Fieldnotes workspace. It has not been changed.`
        : `"${file}" is not a Fieldnotes workspace (it is some other kind of file). It has not been changed.`,
    );
  }
  if (header.length < 100) throw corrupt(file);
  // SQLite reads schema formats 0–4; anything else is a newer program's file or damage,
  // and SQLite's own error for it ("malformed database schema") would reach the person as a crash.
  const schemaFormat = header.readUInt32BE(44);
  if (schemaFormat > 4) { // 0: a database with no schema yet
    throw new FieldnotesError(
      'NOT_A_WORKSPACE',
      `"${file}" uses a database format this version of Fieldnotes cannot read (schema format ${schemaFormat}). It may be damaged, or written by another program. It has not been changed.`,
    );
  }
  return undefined;
}

function readInfo(db: Database.Database, path: string): WorkspaceInfo {
  const meta = allMeta(db);
  return {
    path,
    name: meta.get('name') ?? basename(path).replace(/\.fieldnotes$/, ''),
    createdAt: meta.get('created_at') ?? '',
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

function backupPathFor(path: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.v${fromVersion}-${stamp}.bak`;
}

/**
 * Connect to a workspace after checking, in order, that it is a file, that it
 * is SQLite, that it is ours, that it is not from a newer Fieldnotes, that no
 * one else has it open, and that it passes an integrity check. Nothing is
 * written: any refusal leaves the file as it was.
 */
function connectChecked(path: string, key: WorkspaceKey | undefined): { db: Database.Database; version: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
    if (key) applyKey(db, key);
    db.pragma('locking_mode = EXCLUSIVE');
    // Read the header fields before changing anything: a foreign or newer file stays untouched.
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new FieldnotesError(
        'NOT_A_WORKSPACE',
        `"${basename(path)}" is a database, but not a Fieldnotes workspace. It has not been changed.`,
      );
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new FieldnotesError(
        'NEWER_VERSION',
        `"${basename(path)}" was saved by a newer version of Fieldnotes (workspace format ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Fieldnotes to open it. The file has not been changed.`,
      );
    }
    applyConnectionPragmas(db);
    // The full check, not quick_check: flipped bytes that only leave rows missing from an index
    // pass quick_check, and the first write would then build on the damage. At review scale
    // (90 MB, 40,000 passages) it costs about 1.6 s against quick_check's 0.6 s.
    const lines = integrityFindings(db, 20);
    if (lines[0] !== 'ok') throw corrupt(basename(path), lines, listBackups(path)[0]);
    return { db, version };
  } catch (error) {
    db?.close();
    if (key && sqliteCode(error) === 'SQLITE_NOTADB') throw wrongPassphrase(path);
    throw explainOpenError(error, path);
  }
}

/** Open a workspace for work: checked, backed up and migrated if older, then held. */
export function openWorkspace(inputPath: string, options: OpenOptions = {}): Workspace {
  const path = resolve(inputPath);
  if (existsSync(path) && openInThisProcess.has(realpathSync(path))) {
    throw new FieldnotesError(
      'ALREADY_OPEN',
      `"${basename(path)}" is already open in another Fieldnotes window. Switch to that window.`,
    );
  }
  let key = checkFileBeforeSqlite(path, options.key);
  const notice = checkRecoveryLog(path, key);
  const { db, version } = connectChecked(path, key);
  let openBackup: string | null = null;
  try {
    // The file alone now holds everything (the log, if any, was checked first); the next log
    // begins with its token, and a write takes SQLite's exclusive lock, so a second process
    // is refused at open rather than at its first save.
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (options.backups) openBackup = backupOnOpen(db, path, options.backups, key);
    const logStarted = startLog(db);
    if (version < LATEST_SCHEMA_VERSION) {
      const backup = backupPathFor(path, version);
      db.prepare('VACUUM INTO ?').run(backup);
      chmodSync(backup, 0o600);
      options.onBackup?.(backup);
      migrate(db, undefined, options.onMigration);
      if (!logStarted) startLog(db);
    }
    writeMeta(db, 'last_opened_at', new Date().toISOString());
    startChangeSession(db);
    // A save answered just before the process ended may have left the passages it moved unwritten.
    writeHeldShift(db);
  } catch (error) {
    db.close();
    throw explainOpenError(error, path);
  }

  const realPath = realpathSync(path);
  openInThisProcess.add(realPath);
  const stopCheckpoints = keepFileCurrent(db, options.checkpoint, { afterCheckpoint: () => startLog(db), walPath: `${path}-wal` });
  const openNotice = [notice, openBackup].filter(Boolean).join(' ') || null;
  const backups = options.backups ? keepBackups(db, path, options.backups, () => key) : null;
  let closed = false;
  return {
    path,
    db,
    notice: openNotice,
    backupNow: (reason) => backups?.now(reason) ?? null,
    encrypted: () => key !== undefined,
    currentKey: () => key,
    setKey: (next) => {
      rekey(db, next);
      key = next ?? undefined;
      startLog(db);
      // Backups taken before hold the workspace as it was protected then (in plain, or under
      // the old passphrase): remove them, and take one as it is protected now.
      if (options.backups) {
        discardBackups(path, options.backups.folder);
        backups?.now('new passphrase');
      }
    },
    info: () => ({ ...readInfo(db, path), encrypted: key !== undefined, notice: openNotice }),
    close: () => {
      if (closed) return;
      closed = true;
      openInThisProcess.delete(realPath);
      backups?.stop();
      try {
        writeHeldShift(db); // so the closed file holds the passages a last save moved in their places
      } catch {
        // Kept in the file: the next open writes it.
      }
      stopCheckpoints();
      forgetConnection(db); // the analysis index and note caches go with it: a background build stops here
      db.close();
    },
  };
}

/**
 * The backup taken at open: the file alone is complete (just checkpointed) and
 * has just passed the full integrity check, so a byte comparison verifies the
 * copy. A failure never stops the workspace opening; it is said instead.
 */
function backupOnOpen(db: Database.Database, path: string, policy: BackupPolicy, key: WorkspaceKey | undefined): string | null {
  try {
    takeBackup({ db, workspacePath: path, reason: 'on open', folder: policy.folder, sourceJustChecked: true, unlock: unlockWith(key) });
    return null;
  } catch (error) {
    return `No backup could be taken as it opened (${error instanceof Error ? error.message : String(error)}); your work is saved as usual.`;
  }
}

/** A backup every `everyMinutes` while the workspace is being edited. */
function keepBackups(db: Database.Database, path: string, policy: BackupPolicy, key: () => WorkspaceKey | undefined) {
  const everyMs = (policy.everyMinutes ?? 10) * 60_000;
  const changes = db.prepare('SELECT total_changes()').pluck();
  let backedUpAt = Date.now();
  let changesAtBackup = changes.get() as number;
  const now = (reason: string): BackupInfo => {
    const info = takeBackup({ db, workspacePath: path, reason, folder: policy.folder, afterCheckpoint: () => startLog(db), unlock: unlockWith(key()) });
    backedUpAt = Date.now();
    changesAtBackup = changes.get() as number;
    return info;
  };
  const timer = setInterval(() => {
    if (!db.open || db.inTransaction) return;
    if (changes.get() === changesAtBackup || Date.now() - backedUpAt < everyMs) return;
    try {
      now('while editing');
    } catch {
      backedUpAt = Date.now(); // try again after the next interval, not at every tick
    }
  }, policy.pollMs ?? 60_000);
  timer.unref?.();
  return { now, stop: () => clearInterval(timer) };
}

/**
 * A `-wal` beside the file (left by a crash, or copied with it) is applied by
 * SQLite the moment the file is opened, and an unreadable one silently
 * dropped. Examine it on a private copy first: refuse a log that is damaged or
 * is not this file's own, and say when one was applied.
 */
function checkRecoveryLog(path: string, key: WorkspaceKey | undefined): string | null {
  if (readWal(`${path}-wal`).state === 'none') return null;
  const examination = examineWorkspace(path, unlockWith(key));
  const refusal = walRefusal(path, examination.wal);
  if (refusal) throw refusal;
  if (examination.integrity[0] !== 'ok') throw corrupt(basename(path), examination.integrity);
  const { commits } = examination.wal;
  return commits > 0
    ? `Fieldnotes was not closed properly last time. ${commits} saved change(s) were still in the recovery log beside the file; they were checked and are now in the workspace.`
    : null;
}

export interface Inspection {
  info: WorkspaceInfo;
  counts: Record<string, number>;
  foreignKeyProblems: number;
  /** The integrity check's own lines (["ok"] when sound). */
  integrity: string[];
  /** What the recovery log beside the file holds. */
  wal: Examination['wal'];
  encrypted: boolean;
}

/**
 * Check a workspace without changing a byte of it or its `-wal` (the CLI's
 * `check` and `info`): the full integrity check, foreign keys, the recovery
 * log, and what it holds — all on a private copy. Throws the same typed errors
 * as opening for a file that cannot be read at all; damage is reported in the
 * result, with the integrity check's lines.
 */
export function inspectWorkspace(inputPath: string, given?: WorkspaceKey): Inspection {
  const path = resolve(inputPath);
  const key = checkFileBeforeSqlite(path, given);
  if (openInThisProcess.has(realpathSync(path))) {
    throw new FieldnotesError(
      'ALREADY_OPEN',
      `"${basename(path)}" is open in this Fieldnotes window. Close it there to check it.`,
    );
  }
  let examination: Examination;
  try {
    examination = examineWorkspace(path, unlockWith(key));
  } catch (error) {
    if (key && sqliteCode(error) === 'SQLITE_NOTADB') throw wrongPassphrase(path);
    throw explainOpenError(error, path);
  }
  if (examination.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new FieldnotesError(
      'NEWER_VERSION',
      `"${basename(path)}" was saved by a newer version of Fieldnotes (workspace format ${examination.schemaVersion}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Fieldnotes to check it. The file has not been changed.`,
    );
  }
  if (examination.applicationId !== APPLICATION_ID) {
    throw new FieldnotesError('NOT_A_WORKSPACE', `"${basename(path)}" is a database, but not a Fieldnotes workspace. It has not been changed.`);
  }
  return {
    info: {
      path,
      name: examination.name ?? basename(path).replace(/\.fieldnotes$/, ''),
      createdAt: examination.createdAt ?? '',
      schemaVersion: examination.schemaVersion,
    },
    counts: examination.counts,
    foreignKeyProblems: examination.foreignKeyProblems,
    integrity: examination.integrity,
    wal: examination.wal,
    encrypted: key !== undefined,
  };
}

/** Workspaces being built are named `<file>.creating-<random>` until linked into place. */
export const CREATING_MARK = '.creating-';

export interface NewWorkspace {
  name: string;
  createdBy: { id: string; name: string; initials: string };
  /**
   * Contents to write before the file takes its name (a .qdpx import): a
   * failure there leaves nothing under the chosen name, as a crash does.
   */
  fill?: (db: Database.Database) => void;
}

/**
 * Refuse a place a new workspace cannot go: a file is already there, or the folder is missing. Asked again by
 * createWorkspace, and first by whoever has slow work to do before it (deriving a passphrase's key takes half
 * a second), so the refusal comes at once.
 */
export function refuseNewWorkspacePath(inputPath: string): void {
  const path = resolve(inputPath);
  const folder = dirname(path);
  if (existsSync(path)) {
    throw new FieldnotesError(
      'FILE_EXISTS',
      `There is already a file called "${basename(path)}" there. Choose another name, or open the existing workspace.`,
    );
  }
  if (!existsSync(folder)) {
    throw new FieldnotesError('NOT_FOUND', `The folder "${folder}" does not exist. Choose another.`);
  }
}

/**
 * Create a workspace file. It is built under a temporary name and linked into
 * place only when complete, so a crash or full disk never leaves half a
 * workspace under the name the user chose, and an existing file is never
 * overwritten.
 */
export function createWorkspace(inputPath: string, init: NewWorkspace, options: Pick<OpenOptions, 'key' | 'backups'> = {}): Workspace {
  const path = resolve(inputPath);
  refuseNewWorkspacePath(path);
  const folder = dirname(path);
  const temporary = `${path}${CREATING_MARK}${randomBytes(4).toString('hex')}`;
  try {
    // Readable by this user only; SQLite gives the -wal the same mode as the file.
    closeSync(openSync(temporary, 'wx', 0o600));
    const db = new Database(temporary);
    try {
      if (options.key) applyKey(db, options.key); // encrypted from its first byte
      db.pragma(`application_id = ${APPLICATION_ID}`);
      applyConnectionPragmas(db);
      migrate(db);
      const now = new Date().toISOString();
      db.transaction(() => {
        writeMeta(db, 'name', init.name);
        writeMeta(db, 'created_at', now);
        writeMeta(db, 'created_by', init.createdBy.id);
        recordReviewer(db, init.createdBy, now);
        // What the creator puts in (an import into a new workspace) is stamped as theirs.
        startChangeSession(db);
        setChangeActor(db, init.createdBy.id, null);
      })();
      init.fill?.(db);
    } finally {
      db.close(); // checkpoints the WAL into the file and removes it
    }
    linkSync(temporary, path); // fails if the name was taken meanwhile: never overwrite
    syncFolder(folder);
  } catch (error) {
    throw explainOpenError(error, path);
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-wal`, { force: true });
    rmSync(`${temporary}-shm`, { force: true });
  }
  const workspace = openWorkspace(path, options);
  setChangeActor(workspace.db, init.createdBy.id, null);
  return workspace;
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      if (fstatSync(fd).isDirectory()) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the link itself is already durable there.
  }
}

/**
 * Back up a workspace that is not open (the CLI's `backup`) without writing to
 * it: checked like `check`, then backed up from a private copy.
 */
export function backupWorkspaceFile(inputPath: string, folder?: string, given?: WorkspaceKey, reason = 'by hand'): BackupInfo {
  const path = resolve(inputPath);
  const inspection = inspectWorkspace(path, given);
  const key = inspection.encrypted ? given : undefined;
  const refusal = walRefusal(path, inspection.wal);
  if (refusal) throw refusal;
  if (inspection.integrity[0] !== 'ok') throw corrupt(basename(path), inspection.integrity);
  const scratch = mkdtempSync(join(tmpdir(), `${CHECK_FOLDER_PREFIX}${process.pid}-`));
  try {
    const copy = join(scratch, 'w.fieldnotes');
    copyFileSync(path, copy);
    chmodSync(copy, 0o600);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    try {
      if (key) applyKey(db, key);
      db.pragma('locking_mode = EXCLUSIVE');
      return takeBackup({ db, workspacePath: copy, nameAs: path, folder: folder ?? backupFolderFor(path), reason, unlock: unlockWith(key) });
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Put a backup in a workspace's place (the app and the CLI's `restore`). The
 * backup must pass the full check first; the workspace must not be open
 * anywhere; the file it replaces is set aside, never deleted.
 */
export function restoreWorkspace(
  inputPath: string,
  backupPath: string,
  key?: WorkspaceKey,
  /** Close the workspace if this window has it open — called only once the backup has passed its check. */
  releaseOwn?: (path: string) => void,
): { setAside: string | null } {
  const path = resolve(inputPath);
  const backup = inspectWorkspace(backupPath, key);
  if (backup.integrity[0] !== 'ok' || backup.foreignKeyProblems > 0) {
    throw corrupt(basename(backupPath), backup.integrity);
  }
  releaseOwn?.(path); // not before: a refused restore (no such backup, a damaged one) leaves the workspace open
  if (existsSync(path) && openInThisProcess.has(realpathSync(path))) {
    throw new FieldnotesError('ALREADY_OPEN', `"${basename(path)}" is open in this window. Close it first, then restore.`);
  }
  if (existsSync(path)) {
    try {
      refuseIfHeldElsewhere(path);
    } catch (error) {
      throw explainOpenError(error, path);
    }
  }
  return restoreBackup(path, resolve(backupPath));
}

/**
 * Set a refused recovery log aside (WAL_MISMATCH, WAL_DAMAGED): renamed, never
 * deleted, so the file opens as it was last saved in full and the log can
 * still be given to someone who can read it.
 */
export function setLogAside(inputPath: string): string {
  const path = resolve(inputPath);
  const wal = `${path}-wal`;
  if (!existsSync(wal)) throw new FieldnotesError('NOT_FOUND', `There is no recovery log beside "${basename(path)}".`);
  if (openInThisProcess.has(realpathSync(path))) throw new FieldnotesError('ALREADY_OPEN', `"${basename(path)}" is open; its log is in use.`);
  refuseIfHeldElsewhere(path);
  const aside = `${path}.log-set-aside-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(wal, aside);
  return aside;
}
