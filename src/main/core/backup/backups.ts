import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { FieldnotesError } from '../../../shared/rpc/result';

/**
 * Automatic backups of a workspace, in a folder beside it
 * (`<name>.fieldnotes-backups/`) or a chosen one: taken on open, every few
 * minutes while it is edited, and before imports; each one verified after it
 * is written; kept by rotation (the last 10, plus the newest of each day for
 * 14 days). A small manifest keeps each backup's time, reason and contents
 * counts so they can be listed without opening every file.
 */
export interface BackupInfo {
  path: string;
  takenAt: string;
  reason: string;
  bytes: number;
  counts: Record<string, number>;
}

export const KEEP_LAST = 10;
export const KEEP_DAYS = 14;
const MANIFEST = 'backups.json';
const COUNTED = ['engagements', 'participants', 'notes', 'themes', 'passages'];

export function backupFolderFor(workspacePath: string, chosen?: string): string {
  return chosen ?? join(dirname(workspacePath), `${basename(workspacePath)}-backups`);
}

function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/** `<stem> 2026-12-01T09-30-00-000Z.fieldnotes`: sorts by time, and opens in Fieldnotes as it is. */
function backupName(workspacePath: string, at: Date): string {
  const stem = basename(workspacePath).replace(/\.fieldnotes$/i, '');
  return `${stem} ${at.toISOString().replace(/[:.]/g, '-')}.fieldnotes`;
}

/** What a workspace holds, table by table, as its backups are listed. */
export function countsOf(db: Database.Database): Record<string, number> {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  return Object.fromEntries(
    COUNTED.filter((t) => tables.has(t)).map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
  );
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export interface TakeBackup {
  /** The open connection of the workspace (held EXCLUSIVE by us). */
  db: Database.Database;
  workspacePath: string;
  reason: string;
  folder?: string;
  /** The workspace the backup is named after, when `workspacePath` is a private copy of it. */
  nameAs?: string;
  /** Unlocks a connection to the copy (encrypted workspaces). */
  unlock?: (db: Database.Database) => void;
  /**
   * The file has just passed a full integrity check and nothing has written
   * since (at open): a byte-for-byte comparison verifies the copy. Otherwise
   * the copy itself gets the full integrity check.
   */
  sourceJustChecked?: boolean;
  /** Runs after the checkpoint that makes the file alone complete (the next log's first transaction). */
  afterCheckpoint?: () => void;
}

/**
 * Copy the workspace file once the log is folded into it (we hold the only
 * connection, so nothing writes meanwhile), verify the copy, then put it in
 * place under its final name and rotate.
 */
export function takeBackup(request: TakeBackup): BackupInfo {
  const { db, workspacePath, reason } = request;
  const folder = backupFolderFor(request.nameAs ?? workspacePath, request.folder);
  ensureFolder(folder);
  const at = new Date();
  const final = join(folder, backupName(request.nameAs ?? workspacePath, at));
  const partial = `${final}.partial`;
  try {
    const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (checkpoint[0]?.busy) throw new FieldnotesError('UNAVAILABLE', 'The workspace is busy; the backup will be taken later.');
    try {
      copyFileSync(workspacePath, partial);
    } finally {
      request.afterCheckpoint?.();
    }
    chmodSync(partial, 0o600);
    syncFile(partial);
    const counts = verify(partial, request);
    renameSync(partial, final);
    const info: BackupInfo = { path: final, takenAt: at.toISOString(), reason, bytes: statSync(final).size, counts };
    writeManifest(folder, [...readManifest(folder).filter((b) => b.path !== final), info]);
    rotate(folder, at);
    return info;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function verify(copy: string, request: TakeBackup): Record<string, number> {
  if (request.sourceJustChecked && sha256(copy) !== sha256(request.workspacePath)) {
    throw new FieldnotesError('DISK_FULL', 'The backup copy did not match the workspace when read back. Check the disk, then try again.');
  }
  const db = new Database(copy, { fileMustExist: true });
  try {
    request.unlock?.(db);
    db.pragma('locking_mode = EXCLUSIVE');
    if (!request.sourceJustChecked) {
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') {
        throw new FieldnotesError('CORRUPT_WORKSPACE', `The backup copy failed its integrity check (${String(check)}). The workspace may be damaged: run "fieldnotes check" on it.`);
      }
    }
    const counts = countsOf(db);
    db.pragma('journal_mode = DELETE'); // a closed backup is one file: no -wal to carry along
    return counts;
  } finally {
    db.close();
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readManifest(folder: string): BackupInfo[] {
  try {
    const parsed = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as BackupInfo[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function writeManifest(folder: string, backups: BackupInfo[]): void {
  const file = join(folder, MANIFEST);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(backups, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}

/** The backups in a folder, newest first; those the manifest does not know are listed without counts. */
export function listBackups(workspacePath: string, chosenFolder?: string): BackupInfo[] {
  const folder = backupFolderFor(workspacePath, chosenFolder);
  if (!existsSync(folder)) return [];
  const known = new Map(readManifest(folder).map((b) => [basename(b.path), b]));
  const stem = basename(workspacePath).replace(/\.fieldnotes$/i, '');
  return readdirSync(folder)
    .filter((name) => name.startsWith(`${stem} `) && name.endsWith('.fieldnotes'))
    .map((name) => {
      const path = join(folder, name);
      const fromManifest = known.get(name);
      if (fromManifest) return { ...fromManifest, path };
      const stats = statSync(path);
      return { path, takenAt: stats.mtime.toISOString(), reason: 'unknown', bytes: stats.size, counts: {} };
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Keep the newest KEEP_LAST, and the newest of each of the last KEEP_DAYS days; remove the rest. */
export function rotate(folder: string, now: Date): void {
  const backups = readManifestOrScan(folder);
  const keep = new Set<string>();
  const sorted = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  sorted.slice(0, KEEP_LAST).forEach((b) => keep.add(b.path));
  const days = new Set<string>();
  for (const b of sorted) {
    const day = b.takenAt.slice(0, 10);
    const age = (now.getTime() - Date.parse(b.takenAt)) / 86_400_000;
    if (age <= KEEP_DAYS && !days.has(day)) {
      days.add(day);
      keep.add(b.path);
    }
  }
  for (const b of sorted) if (!keep.has(b.path)) rmSync(b.path, { force: true });
  writeManifest(folder, readManifest(folder).filter((b) => keep.has(b.path)));
}

function readManifestOrScan(folder: string): BackupInfo[] {
  const manifest = readManifest(folder);
  return manifest.filter((b) => existsSync(b.path));
}

/** Remove every backup of a workspace (after its passphrase changed: they are protected the old way). */
export function discardBackups(workspacePath: string, chosenFolder?: string): void {
  const folder = backupFolderFor(workspacePath, chosenFolder);
  for (const backup of listBackups(workspacePath, chosenFolder)) rmSync(backup.path, { force: true });
  if (existsSync(folder)) writeManifest(folder, []);
  // The safety copies taken before migrations, beside the workspace.
  const beside = dirname(workspacePath);
  for (const name of readdirSync(beside)) {
    if (name.startsWith(`${basename(workspacePath)}.v`) && name.endsWith('.bak')) rmSync(join(beside, name), { force: true });
  }
}

/**
 * Put a backup in the workspace's place. The current file (and its -wal) is
 * set aside as `<file>.before-restore-<time>`, never deleted; the backup is
 * copied in under a temporary name and renamed into place, so a crash leaves
 * either the old file or the restored one. The caller has closed the workspace.
 */
export function restoreBackup(workspacePath: string, backupPath: string): { setAside: string | null } {
  if (!existsSync(backupPath)) throw new FieldnotesError('NOT_FOUND', `There is no backup at "${backupPath}".`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const incoming = `${workspacePath}.restoring-${stamp}`;
  copyFileSync(backupPath, incoming);
  chmodSync(incoming, 0o600);
  syncFile(incoming);
  let setAside: string | null = null;
  if (existsSync(workspacePath)) {
    setAside = `${workspacePath}.before-restore-${stamp}`;
    renameSync(workspacePath, setAside);
    for (const side of ['-wal', '-shm']) {
      if (existsSync(`${workspacePath}${side}`)) renameSync(`${workspacePath}${side}`, `${setAside}${side}`);
    }
  }
  renameSync(incoming, workspacePath);
  return { setAside };
}
