import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../store/workspaceMeta';

/**
 * Ties a recovery log (-wal) to the file it was written on top of. SQLite has
 * no such link: any log with valid checksums beside a file is applied to it,
 * so another workspace's log, or a stale one beside a restored backup, would
 * be merged in without a word.
 *
 * The file holds a token (`log_token`). Each log starts — right after every
 * checkpoint, and at every open — with one transaction that replaces it with a
 * new one and records the old one as `log_base`. So a log belongs to the file
 * when, applied, its `log_base` is the token the file alone holds. SQLite's own
 * automatic checkpoints are turned off (they would start a log without this
 * transaction); `keepFileCurrent` checkpoints instead.
 */
export function startLog(db: Database.Database): boolean {
  if (!hasMeta(db)) return false; // a format-0 file, before its first migration
  const current = readLogTokens(db).token;
  db.transaction(() => {
    writeMeta(db, 'log_base', current ?? '');
    writeMeta(db, 'log_token', randomBytes(16).toString('hex'));
  })();
  return true;
}

export interface LogTokens {
  token: string | null;
  base: string | null;
}

export function readLogTokens(db: Database.Database): LogTokens {
  if (!hasMeta(db)) return { token: null, base: null };
  return { token: readMeta(db, 'log_token') ?? null, base: readMeta(db, 'log_base') ?? null };
}

const hasMeta = (db: Database.Database): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'workspace_meta'").get() !== undefined;
