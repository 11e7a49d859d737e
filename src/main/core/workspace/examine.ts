import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { FieldnotesError } from '../../../shared/rpc/result';
import { APPLICATION_ID, sqliteCode } from '../db/sqlite';
import { explainOpenError } from './errors';
import { readLogTokens, type LogTokens } from './logToken';
import { readWal, type WalReport } from './wal';
import { allMeta } from '../store/workspaceMeta';

/** Folders of private copies start with this, so a core that starts after a crash can remove them. */
export const CHECK_FOLDER_PREFIX = 'fieldnotes-check-';

export interface Examination {
  /** `integrity_check`'s own lines: ["ok"] when the file is sound. */
  integrity: string[];
  foreignKeyProblems: number;
  schemaVersion: number;
  /** Name, creation time and creator: which workspace this is. */
  identity: string | null;
  tokens: LogTokens;
  /** The header's application id: ours (APPLICATION_ID) or another program's. */
  applicationId: number;
  wal: WalReport & {
    /** Whether the file with the log applied is sound while the file alone is: the log belongs. */
    belongs: boolean | null;
  };
  name: string | null;
  createdAt: string | null;
  counts: Record<string, number>;
}

/** How to unlock a connection before anything else reads it (set by encryption). */
export type Unlock = (db: Database.Database) => void;

const COUNTED = ['engagements', 'participants', 'notes', 'themes', 'passages', 'reviewers'];

/**
 * Examine a workspace without changing a byte of it or of its `-wal`: SQLite
 * cannot open a WAL file read-only without writing beside it, and would apply
 * a log that is not the file's own, so we copy both into a private folder and
 * examine the copy. Before copying, a read-only probe makes sure no other
 * process holds the file (its copy could be half-written).
 */
export function examineWorkspace(path: string, unlock?: Unlock): Examination {
  const walPath = `${path}-wal`;
  const wal = readWal(walPath);
  if (wal.state !== 'none') refuseIfHeldElsewhere(path, unlock);
  const folder = mkdtempSync(join(tmpdir(), `${CHECK_FOLDER_PREFIX}${process.pid}-`));
  chmodSync(folder, 0o700);
  try {
    const copy = join(folder, 'with-log', 'w.fieldnotes');
    mkdirSync(join(folder, 'with-log'), { mode: 0o700 });
    privateCopy(path, copy);
    if (wal.state !== 'none') privateCopy(walPath, `${copy}-wal`);
    const pageSize = dbPageSize(path);
    if (wal.state !== 'none' && wal.pageSize !== 0 && wal.pageSize !== pageSize) {
      // Another database's log: SQLite would ignore it, but it is not this file's.
      const alone = examineCopy(copy, unlock, false);
      return { ...alone, wal: { ...wal, belongs: false } };
    }
    const combined = examineCopy(copy, unlock, true);
    if (wal.state === 'none') return { ...combined, wal: { ...wal, belongs: null } };
    const aloneCopy = join(folder, 'alone', 'w.fieldnotes');
    mkdirSync(join(folder, 'alone'), { mode: 0o700 });
    privateCopy(path, aloneCopy);
    const alone = examineCopy(aloneCopy, unlock, false);
    // Damaged with or without the log: the file's own damage, not the log's.
    if (!sound(alone) && !sound(combined)) return { ...combined, wal: { ...wal, belongs: null } };
    if (logBelongs(alone, combined, wal)) return { ...combined, wal: { ...wal, belongs: true } };
    // Report the file as it is without the stranger's log.
    return { ...(sound(alone) ? alone : combined), wal: { ...wal, belongs: false } };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A copy only this user can read, and write (the original may be read-only to us). */
export function privateCopy(from: string, to: string): void {
  copyFileSync(from, to);
  chmodSync(to, 0o600);
}

const sound = (e: Examination) => e.integrity.length === 1 && e.integrity[0] === 'ok' && e.foreignKeyProblems === 0;

/** See logToken.ts: the log, applied, names the token the file alone holds as its base. */
function logBelongs(alone: Examination, combined: Examination, wal: WalReport): boolean {
  if (wal.commits === 0) return true; // nothing in it will be applied
  if (!sound(combined)) return false;
  // The log begins on top of the file's token; or a checkpoint was cut short after it had
  // already copied the log's token into the file (a kill or power cut mid-checkpoint).
  if (alone.tokens.token !== null) return combined.tokens.base === alone.tokens.token || combined.tokens.token === alone.tokens.token;
  // The file alone is unreadable yet whole with the log: a cut-short checkpoint; only its own log mends it.
  if (!sound(alone)) return true;
  // A file from before log tokens: the same workspace, at least.
  return alone.identity !== null && alone.identity === combined.identity;
}

function dbPageSize(path: string): number {
  const header = Buffer.alloc(18);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  const size = header.readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

function examineCopy(copy: string, unlock: Unlock | undefined, withLog: boolean): Examination {
  const db = new Database(copy, { fileMustExist: true, timeout: 0 });
  try {
    unlock?.(db);
    db.pragma('locking_mode = EXCLUSIVE');
    if (!withLog) db.pragma('journal_mode = DELETE');
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      return { ...damagedBeyondReading(['It does not say it is a Fieldnotes workspace.']), applicationId };
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const integrity = integrityFindings(db, 100);
    let foreignKeyProblems = 0;
    let counts: Record<string, number> = {};
    let name: string | null = null;
    let createdAt: string | null = null;
    let identity: string | null = null;
    if (integrity[0] === 'ok') {
      foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
      const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
      counts = Object.fromEntries(
        COUNTED.filter((t) => tables.has(t)).map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
      );
      if (tables.has('workspace_meta')) {
        const meta = allMeta(db);
        name = meta.get('name') ?? null;
        createdAt = meta.get('created_at') ?? null;
        identity = JSON.stringify([name, createdAt, meta.get('created_by') ?? null]);
      }
    }
    const tokens = readTokensIfAny(db);
    return { integrity, foreignKeyProblems, schemaVersion, applicationId, identity, tokens, name, createdAt, counts, wal: noWal };
  } catch (error) {
    const code = sqliteCode(error);
    if (unlock && code === 'SQLITE_NOTADB') throw error; // a wrong passphrase, said by the caller
    if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ') {
      return damagedBeyondReading([`SQLite could not read it: ${(error as Error).message}.`]);
    }
    throw error;
  } finally {
    db.close();
  }
}

/**
 * The integrity check's findings. A table's SQL damaged inside the file (a flipped byte in a full-text index's
 * tokenizer, say) stops SQLite parsing the schema, and the check then fails with SQLITE_ERROR instead of
 * reporting: the check is our own fixed statement, so that error is a finding about the file.
 */
export function integrityFindings(db: Database.Database, most: number): string[] {
  try {
    return (db.pragma(`integrity_check(${most})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (error) {
    if (sqliteCode(error) !== 'SQLITE_ERROR') throw error;
    return [`its table definitions cannot be read: ${(error as Error).message}`];
  }
}

/** The log tokens even from a damaged file, when the page holding them can still be read. */
function readTokensIfAny(db: Database.Database): LogTokens {
  try {
    return readLogTokens(db);
  } catch {
    return { token: null, base: null };
  }
}

const noWal: Examination['wal'] = { state: 'none', pageSize: 0, committedFrames: 0, commits: 0, belongs: null };

const damagedBeyondReading = (integrity: string[]) => ({
  integrity,
  foreignKeyProblems: 0,
  schemaVersion: -1,
  applicationId: APPLICATION_ID,
  identity: null,
  tokens: { token: null, base: null },
  name: null,
  createdAt: null,
  counts: {},
  wal: noWal,
});

/**
 * A read-only connection is refused at once while another process holds the
 * file (Fieldnotes holds it EXCLUSIVE). It may create a `-shm` beside the file;
 * we remove it again if it was not there before.
 */
export function refuseIfHeldElsewhere(path: string, unlock?: Unlock): void {
  const shm = `${path}-shm`;
  const hadShm = existsSync(shm);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
    unlock?.(db);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw explainOpenError(error, path);
    // Anything else (damage, a read-only folder) the examination of the copy reports.
  } finally {
    db?.close();
    if (!hadShm && existsSync(shm) && statSync(shm).isFile()) rmSync(shm, { force: true });
  }
}

/** The sentence for a log beside the file that is not its own, or is damaged; null when it is fine. */
export function walRefusal(path: string, wal: Examination['wal']): FieldnotesError | null {
  const file = basename(path);
  if (wal.state === 'damaged') {
    return new FieldnotesError(
      'WAL_DAMAGED',
      `The recovery log beside "${file}" ("${file}-wal") ${wal.problem}. Nothing has been changed. Keep both files, then open the newest backup, or set the log aside to open the file as it was when it was last saved in full.`,
    );
  }
  if (wal.belongs === false) {
    return new FieldnotesError(
      'WAL_MISMATCH',
      `The recovery log beside "${file}" ("${file}-wal") does not belong to it — perhaps the file was restored from a backup or copied without its log. Nothing has been changed. Set the log aside to open the file as it is.`,
    );
  }
  return null;
}
