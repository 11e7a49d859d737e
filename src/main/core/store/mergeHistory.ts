import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { FieldnotesError } from '../../../shared/rpc/result';

/** `merge_history`: the values merges overwrote, per record and field (migration 0013). */

export interface MergeHistoryEntry {
  id: string;
  table: string;
  recordId: string;
  column: string;
  /** The value that lost, and the one the merge kept (JSON-decoded). */
  value: unknown;
  keptValue: unknown;
  changedBy: string | null;
  changedAt: string | null;
  mergedAt: string;
  restoredAt: string | null;
}

interface Row {
  id: string;
  table_name: string;
  record_id: string;
  column_name: string;
  value: string;
  kept_value: string;
  changed_by: string | null;
  changed_at: string | null;
  merged_at: string;
  restored_at: string | null;
}

const COLUMNS = 'id, table_name, record_id, column_name, value, kept_value, changed_by, changed_at, merged_at, restored_at';

const fromRow = (r: Row): MergeHistoryEntry => ({
  id: r.id,
  table: r.table_name,
  recordId: r.record_id,
  column: r.column_name,
  value: JSON.parse(r.value) as unknown,
  keptValue: JSON.parse(r.kept_value) as unknown,
  changedBy: r.changed_by,
  changedAt: r.changed_at,
  mergedAt: r.merged_at,
  restoredAt: r.restored_at,
});

export function recordOverwrite(db: Database.Database, entry: Omit<MergeHistoryEntry, 'id' | 'restoredAt'>): void {
  db.prepare(`INSERT INTO merge_history(${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`).run(
    randomUUID(),
    entry.table,
    entry.recordId,
    entry.column,
    JSON.stringify(entry.value ?? null),
    JSON.stringify(entry.keptValue ?? null),
    entry.changedBy,
    entry.changedAt,
    entry.mergedAt,
  );
}

/** A record's overwritten values, newest merge first. */
export function historyOf(db: Database.Database, table: string, recordId: string): MergeHistoryEntry[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM merge_history WHERE table_name = ? AND record_id = ? ORDER BY merged_at DESC, column_name`).all(table, recordId) as Row[]).map(fromRow);
}

/** Every record with something in its history, and how much: where the Team area lists them. */
export function recordsWithHistory(db: Database.Database, limit: number): { table: string; recordId: string; entries: number; lastMergedAt: string }[] {
  return (
    db
      .prepare('SELECT table_name, record_id, count(*) AS n, max(merged_at) AS last FROM merge_history GROUP BY table_name, record_id ORDER BY last DESC, table_name, record_id LIMIT ?')
      .all(limit) as { table_name: string; record_id: string; n: number; last: string }[]
  ).map((r) => ({ table: r.table_name, recordId: r.record_id, entries: r.n, lastMergedAt: r.last }));
}

export function requireHistoryEntry(db: Database.Database, id: string): MergeHistoryEntry {
  const row = db.prepare(`SELECT ${COLUMNS} FROM merge_history WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new FieldnotesError('NOT_FOUND', 'That earlier value is no longer in the history. Refresh the history and choose again.');
  return fromRow(row);
}

export function markRestored(db: Database.Database, id: string, at: string): void {
  db.prepare('UPDATE merge_history SET restored_at = ? WHERE id = ?').run(at, id);
}
