import type Database from 'better-sqlite3';
import type { HistoryEntry, RecordWithHistory } from '../../../shared/domain/history';
import { mergeTableLabel } from '../../../shared/domain/merge';
import { FieldnotesError } from '../../../shared/rpc/result';
import { columnsOf, TRACKED_TABLES, trackedTable } from '../db/changeTracking';
import { historyOf, markRestored, recordOverwrite, recordsWithHistory, requireHistoryEntry, type MergeHistoryEntry } from '../store/mergeHistory';
import { readRow, writeRow } from '../store/mergeRows';
import { reviewersById } from '../store/reviewers';
import { recordLabel } from './labels';

/**
 * A record's history (issue 10): the values merges overwrote, shown beside
 * the record and restorable. Restoring is an ordinary change by the person
 * (stamped as theirs, so the next merge carries it), and the value it
 * replaces goes to the history in turn: nothing is lost either way.
 */

const shown = (value: unknown): string => (value === null || value === undefined ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value));

function toEntry(db: Database.Database, e: MergeHistoryEntry): HistoryEntry {
  const who = e.changedBy ? (reviewersById(db).get(e.changedBy)?.name ?? e.changedBy) : null;
  return { id: e.id, column: e.column, value: shown(e.value), keptValue: shown(e.keptValue), changedBy: who, changedAt: e.changedAt, mergedAt: e.mergedAt, restoredAt: e.restoredAt };
}

const tracked = (table: string) => {
  if (!TRACKED_TABLES.some((t) => t.table === table)) throw new FieldnotesError('NOT_FOUND', 'There is no history for that kind of record.');
  return trackedTable(table);
};

export function listRecordsWithHistory(db: Database.Database, limit = 100): RecordWithHistory[] {
  return recordsWithHistory(db, limit).map((r) => ({
    ...r,
    label: recordLabel(r.table, r.recordId, TRACKED_TABLES.some((t) => t.table === r.table) ? readRow(db, trackedTable(r.table), r.recordId) : null),
    kind: mergeTableLabel(r.table),
  }));
}

export function recordHistory(db: Database.Database, table: string, recordId: string) {
  const spec = tracked(table);
  return { label: recordLabel(table, recordId, readRow(db, spec, recordId)), kind: mergeTableLabel(table), entries: historyOf(db, table, recordId).map((e) => toEntry(db, e)) };
}

export function restoreOverwritten(db: Database.Database, entryId: string): HistoryEntry {
  return db.transaction(() => {
    const entry = requireHistoryEntry(db, entryId);
    const spec = tracked(entry.table);
    const row = readRow(db, spec, entry.recordId);
    if (!row) throw new FieldnotesError('NOT_FOUND', `This ${mergeTableLabel(entry.table).toLowerCase().replace(/s$/, '')} has been deleted since, so its earlier value cannot be put back.`);
    if (!columnsOf(db, entry.table).includes(entry.column)) throw new FieldnotesError('NOT_FOUND', 'That field no longer exists.');
    const now = new Date().toISOString();
    const current = row[entry.column];
    try {
      writeRow(db, spec, { ...row, [entry.column]: entry.value, ...('updated_at' in row ? { updated_at: now } : {}) });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new FieldnotesError('CONFLICT', `Another ${mergeTableLabel(entry.table).toLowerCase().replace(/s$/, '')} already has “${shown(entry.value)}”. Rename that one first, then restore this.`);
      }
      throw error;
    }
    recordOverwrite(db, { table: entry.table, recordId: entry.recordId, column: entry.column, value: current, keptValue: entry.value, changedBy: null, changedAt: null, mergedAt: now });
    markRestored(db, entry.id, now);
    return toEntry(db, { ...entry, restoredAt: now });
  })();
}
