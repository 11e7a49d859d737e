import type Database from 'better-sqlite3';
import { documentFromFrame, storedDocument } from '../../../shared/note/blocks';
import { columnsOf, recordIdSql, type TrackedTable } from '../db/changeTracking';
import { joinedBlocks, noteTexts, writeBlocks } from './noteBlocks';
import { prepared } from './statements';

/**
 * Whole records of any tracked table, by record id, for the merge
 * (core/merge/). It is the one store module that writes every table: a merge
 * copies records as they are, whatever they hold, so it works on rows rather
 * than on each table's domain type. Table and column names come from
 * TRACKED_TABLES and the schema itself, never from outside; every value is a
 * parameter.
 *
 * A note's text is stored per block (store/noteBlocks.ts); here a note's row
 * carries it whole, as `document` and `plain_text`, as it did before: the merge
 * compares and settles whole texts, and writing the row stores its blocks.
 */

export type Row = Record<string, unknown>;

const keyValues = (spec: TrackedTable, recordId: string): unknown[] =>
  spec.key.length === 1 ? [recordId] : (JSON.parse(recordId) as unknown[]);

const whereKey = (spec: TrackedTable) => spec.key.map((k) => `${k} = ?`).join(' AND ');

export const recordIdOf = (spec: TrackedTable, row: Row): string =>
  spec.key.length === 1 ? String(row[spec.key[0]!]) : JSON.stringify(spec.key.map((k) => row[k]));

export function recordIds(db: Database.Database, spec: TrackedTable): string[] {
  return db.prepare(`SELECT ${recordIdSql(spec, 't')} FROM ${spec.table} t`).pluck().all() as string[];
}

/** A note's row with its whole text in place of the frame. */
function withText(db: Database.Database, row: Row): Row {
  const id = String(row.id);
  return { ...row, document: documentFromFrame(String(row.document), joinedBlocks(db, id)), plain_text: noteTexts(db, [id]).get(id) ?? '' };
}

const rowOut = (db: Database.Database, spec: TrackedTable, row: Row): Row => (spec.table === 'notes' ? withText(db, row) : row);

export function readRow(db: Database.Database, spec: TrackedTable, recordId: string): Row | null {
  const row = prepared(db, `SELECT * FROM ${spec.table} WHERE ${whereKey(spec)}`).get(...keyValues(spec, recordId)) as Row | undefined;
  return row ? rowOut(db, spec, row) : null;
}

/** Rows of a table whose `column` is `value` (children of a record). */
export function rowsWhere(db: Database.Database, spec: TrackedTable, column: string, value: unknown): Row[] {
  if (!columnsOf(db, spec.table).includes(column)) throw new Error(`${spec.table} has no column ${column}`);
  return (db.prepare(`SELECT * FROM ${spec.table} WHERE ${column} = ?`).all(value) as Row[]).map((row) => rowOut(db, spec, row));
}

/** Write a record as given: its row replaced in place when the id is there, else inserted. */
export function writeRow(db: Database.Database, spec: TrackedTable, given: Row): void {
  const stored = spec.table === 'notes' ? storedDocument(String(given.document)) : null;
  const row = stored ? { ...given, document: stored.frame, plain_text: '' } : given;
  writeTableRow(db, spec, row);
  if (stored) writeBlocks(db, String(row.id), stored.blocks);
}

function writeTableRow(db: Database.Database, spec: TrackedTable, row: Row): void {
  const columns = columnsOf(db, spec.table);
  const id = recordIdOf(spec, row);
  const values = columns.map((c) => (row[c] === undefined ? null : row[c]));
  if (readRow(db, spec, id)) {
    // UPDATE rather than REPLACE: a REPLACE deletes first, and the delete would cascade to the record's children.
    const sets = columns.filter((c) => !spec.key.includes(c));
    if (sets.length === 0) return;
    prepared(db, `UPDATE ${spec.table} SET ${sets.map((c) => `${c} = ?`).join(', ')} WHERE ${whereKey(spec)}`).run(
      ...sets.map((c) => (row[c] === undefined ? null : row[c])),
      ...keyValues(spec, id),
    );
  } else {
    prepared(db, `INSERT INTO ${spec.table}(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
  }
}

/**
 * A record about to give up a unique name in this transaction (deleted, or given another name or parent by the
 * merge) lets go of it first, as `store/themes.ts` releaseName does for one theme: the laptop that freed the name
 * may have given it at once to another record, whose row can be written first. The placeholder starts with
 * U+0001, which no one can type, and holds the record's id; nobody ever sees it.
 */
export function releaseUniqueName(db: Database.Database, spec: TrackedTable, column: string, recordId: string): void {
  if (spec.key.length !== 1 || !columnsOf(db, spec.table).includes(column)) throw new Error(`${spec.table} has no name column ${column}`);
  prepared(db, `UPDATE ${spec.table} SET ${column} = char(1) || 'leaving ' || ? WHERE ${whereKey(spec)}`).run(recordId, recordId);
}

export function deleteRow(db: Database.Database, spec: TrackedTable, recordId: string): void {
  db.prepare(`DELETE FROM ${spec.table} WHERE ${whereKey(spec)}`).run(...keyValues(spec, recordId));
}

/** The foreign keys of a table: which column points at which table. */
export function foreignKeys(db: Database.Database, table: string): { column: string; parent: string }[] {
  return db.prepare('SELECT "from" AS column, "table" AS parent FROM pragma_foreign_key_list(?)').all(table) as { column: string; parent: string }[];
}
