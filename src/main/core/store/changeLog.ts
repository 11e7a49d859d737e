import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { recordIdSql, type TrackedTable } from '../db/changeTracking';
import { prepared } from './statements';

/**
 * `change_actor` and `tombstones`: who is changing the workspace now, and what
 * was deleted (the triggers of db/changeTracking.ts stamp every record from
 * the actor row and write the tombstones).
 */

export interface Tombstone {
  table: string;
  recordId: string;
  deletedAt: string;
  deletedBy: string | null;
  deletedIn: string | null;
  versions: Record<string, number>;
}

interface TombstoneRow {
  table_name: string;
  record_id: string;
  deleted_at: string;
  deleted_by: string | null;
  deleted_in: string | null;
  versions: string;
}

const tombstoneFromRow = (row: TombstoneRow): Tombstone => ({
  table: row.table_name,
  recordId: row.record_id,
  deletedAt: row.deleted_at,
  deletedBy: row.deleted_by,
  deletedIn: row.deleted_in,
  versions: JSON.parse(row.versions) as Record<string, number>,
});

/**
 * A new session: every opening of the file gets its own entry in the version
 * vectors, so two copies of one file edited apart are told apart even on one
 * installation.
 */
export function startChangeSession(db: Database.Database): string {
  const session = randomBytes(6).toString('base64url');
  db.prepare(
    `INSERT INTO change_actor(only, session_id, stamping) VALUES (1, ?, 1)
     ON CONFLICT(only) DO UPDATE SET session_id = excluded.session_id, stamping = 1`,
  ).run(session);
  return session;
}

/** The reviewer (and installation) whose changes these are, until the next call. */
export function setChangeActor(db: Database.Database, reviewerId: string, installationId: string | null): void {
  db.prepare(
    `INSERT INTO change_actor(only, reviewer_id, installation_id, stamping) VALUES (1, ?, ?, 1)
     ON CONFLICT(only) DO UPDATE SET reviewer_id = excluded.reviewer_id,
       installation_id = coalesce(excluded.installation_id, installation_id)`,
  ).run(reviewerId, installationId);
}

export function changeActor(db: Database.Database): { reviewerId: string | null; installationId: string | null; sessionId: string | null } {
  const row = db.prepare('SELECT reviewer_id, installation_id, session_id FROM change_actor').get() as
    | { reviewer_id: string | null; installation_id: string | null; session_id: string | null }
    | undefined;
  return { reviewerId: row?.reviewer_id ?? null, installationId: row?.installation_id ?? null, sessionId: row?.session_id ?? null };
}

/**
 * Run `write` with stamping off: a merge writes records that carry their own
 * stamps and tombstones. Call inside a transaction, so a failure leaves
 * stamping on.
 */
export function withoutStamping<T>(db: Database.Database, write: () => T): T {
  if (!db.inTransaction) throw new Error('withoutStamping must run inside a transaction');
  db.prepare(`INSERT INTO change_actor(only, stamping) VALUES (1, 0) ON CONFLICT(only) DO UPDATE SET stamping = 0`).run();
  try {
    return write();
  } finally {
    db.prepare('UPDATE change_actor SET stamping = 1').run();
  }
}

export function listTombstones(db: Database.Database, table?: string): Tombstone[] {
  const rows = (
    table
      ? db.prepare('SELECT * FROM tombstones WHERE table_name = ? ORDER BY record_id').all(table)
      : db.prepare('SELECT * FROM tombstones ORDER BY table_name, record_id').all()
  ) as TombstoneRow[];
  return rows.map(tombstoneFromRow);
}

export function getTombstone(db: Database.Database, table: string, recordId: string): Tombstone | null {
  const row = db.prepare('SELECT * FROM tombstones WHERE table_name = ? AND record_id = ?').get(table, recordId) as TombstoneRow | undefined;
  return row ? tombstoneFromRow(row) : null;
}

/** Write a tombstone as another workspace had it (a merge); the later deletion of the two is kept. */
export function putTombstone(db: Database.Database, tombstone: Tombstone): void {
  db.prepare(
    `INSERT INTO tombstones(table_name, record_id, deleted_at, deleted_by, deleted_in, versions)
     VALUES (@table, @recordId, @deletedAt, @deletedBy, @deletedIn, @versions)
     ON CONFLICT(table_name, record_id) DO UPDATE SET deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by,
       deleted_in = excluded.deleted_in, versions = excluded.versions`,
  ).run({ ...tombstone, versions: JSON.stringify(tombstone.versions) });
}

export type FieldDot = [at: string, session: string, count: number];

/** A record's stamp (db/changeTracking.ts): who made and last changed it, when, where, and its vector and field clocks. */
export interface RecordStamp {
  createdAt: string | null;
  createdBy: string | null;
  changedAt: string | null;
  changedBy: string | null;
  changedIn: string | null;
  versions: Record<string, number>;
  /** The change that last set each column: [time, session, count]; absent or null: since creation. */
  fieldClocks: Record<string, FieldDot | null>;
}

interface StampRow {
  created_at: string | null;
  created_by: string | null;
  changed_at: string | null;
  changed_by: string | null;
  changed_in: string | null;
  versions: string;
  field_clocks: string;
}

const stampFromRow = (row: StampRow): RecordStamp => ({
  createdAt: row.created_at,
  createdBy: row.created_by,
  changedAt: row.changed_at,
  changedBy: row.changed_by,
  changedIn: row.changed_in,
  versions: JSON.parse(row.versions) as Record<string, number>,
  fieldClocks: JSON.parse(row.field_clocks) as Record<string, FieldDot | null>,
});

export function getStamp(db: Database.Database, table: string, recordId: string): RecordStamp | null {
  const row = prepared(db, 'SELECT * FROM record_stamps WHERE table_name = ? AND record_id = ?').get(table, recordId) as StampRow | undefined;
  return row ? stampFromRow(row) : null;
}

/**
 * Every record's vector of one table as its stored text, by record id: a merge compares these first and reads
 * the stamps of only the records whose text differs (most records are the same on both sides).
 */
export function versionTexts(db: Database.Database, table: string): Map<string, string> {
  const rows = prepared(db, 'SELECT record_id, versions FROM record_stamps WHERE table_name = ?').raw().all(table) as [string, string][];
  return new Map(rows);
}

/** Every stamp of one table, by record id. */
export function stampsOf(db: Database.Database, table: string): Map<string, RecordStamp> {
  const rows = db.prepare('SELECT record_id, * FROM record_stamps WHERE table_name = ?').all(table) as (StampRow & { record_id: string })[];
  return new Map(rows.map((r) => [r.record_id, stampFromRow(r)]));
}

/** Write a stamp as a merge decided it. */
export function putStamp(db: Database.Database, table: string, recordId: string, stamp: RecordStamp): void {
  prepared(db, 
    `INSERT OR REPLACE INTO record_stamps(table_name, record_id, created_at, created_by, changed_at, changed_by, changed_in, versions, field_clocks)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(table, recordId, stamp.createdAt, stamp.createdBy, stamp.changedAt, stamp.changedBy, stamp.changedIn, JSON.stringify(stamp.versions), JSON.stringify(stamp.fieldClocks));
}

export function deleteStamp(db: Database.Database, table: string, recordId: string): void {
  db.prepare('DELETE FROM record_stamps WHERE table_name = ? AND record_id = ?').run(table, recordId);
}

/** Stamps left by rows SQLite's cascades removed while stamping was off. */
export function dropOrphanStamps(db: Database.Database, spec: TrackedTable): void {
  db.prepare(
    `DELETE FROM record_stamps WHERE table_name = ? AND record_id NOT IN (SELECT ${recordIdSql(spec, 't')} FROM ${spec.table} t)`,
  ).run(spec.table);
}

