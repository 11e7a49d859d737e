import type Database from 'better-sqlite3';
import { andWhere, type SqlFilter } from './analysisFilter';
import { SOURCE_COLUMNS, type SourceRow } from './sources';

/**
 * The reads behind full-text search: the FTS5 indexes `notes_fts` and
 * `memos_fts` (written only by the triggers of migration 0007, so nothing
 * here writes) and what a page of hits needs from notes, passages and
 * participants. Queries name their tables as analysisFilter.ts expects.
 */

export interface Candidate {
  kind: 'note' | 'memo';
  rowid: number;
  score: number;
}

const json = (values: unknown) => JSON.stringify(values);

/** Notes matching the FTS5 query under the note filters, with their bm25 score. */
export function noteCandidates(db: Database.Database, fts: string, filter: SqlFilter): Candidate[] {
  return db
    .prepare(
      `SELECT 'note' AS kind, n.rowid AS rowid, bm25(notes_fts) AS score FROM notes_fts
       JOIN notes n ON n.rowid = notes_fts.rowid JOIN engagements e ON e.id = n.engagement_id
       WHERE notes_fts MATCH @fts${andWhere(filter)}`,
    )
    .all({ fts, ...filter.params }) as Candidate[];
}

/** Passages whose memo matches, under the passage filters. */
export function memoCandidates(db: Database.Database, fts: string, filter: SqlFilter): Candidate[] {
  return db
    .prepare(
      `SELECT 'memo' AS kind, p.rowid AS rowid, bm25(memos_fts) AS score FROM memos_fts
       JOIN passages p ON p.rowid = memos_fts.rowid JOIN notes n ON n.id = p.note_id
       JOIN engagements e ON e.id = n.engagement_id LEFT JOIN participants pa ON pa.id = p.participant_id
       WHERE memos_fts MATCH @fts${andWhere(filter)}`,
    )
    .all({ fts, ...filter.params }) as Candidate[];
}

/** Each row's text with its matches marked by FTS5's highlight() between `open` and `close`. */
export function highlighted(
  db: Database.Database,
  table: 'notes_fts' | 'memos_fts',
  fts: string,
  rowids: readonly number[],
  marks: { open: string; close: string },
): { rowid: number; marked: string }[] {
  return db
    .prepare(
      `SELECT rowid, highlight(${table}, 0, @open, @close) AS marked FROM ${table}
       WHERE ${table} MATCH @fts AND rowid IN (SELECT value FROM json_each(@rowids))`,
    )
    .all({ fts, rowids: json(rowids), ...marks }) as { rowid: number; marked: string }[];
}

export interface NoteSourceRow extends SourceRow {
  rowid: number;
}

/** Where each note (by rowid) comes from. */
export function noteSources(db: Database.Database, rowids: readonly number[]): NoteSourceRow[] {
  return db
    .prepare(
      `SELECT n.rowid AS rowid, ${SOURCE_COLUMNS} FROM notes n JOIN engagements e ON e.id = n.engagement_id
       WHERE n.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(json(rowids)) as NoteSourceRow[];
}

export interface MemoSourceRow extends NoteSourceRow {
  passage_id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  code: string | null;
  staff_group: string | null;
}

/** Each passage (by rowid) with its place, speaker and source. */
export function memoSources(db: Database.Database, rowids: readonly number[]): MemoSourceRow[] {
  return db
    .prepare(
      `SELECT p.rowid AS rowid, p.id AS passage_id, p.start_offset, p.end_offset, p.quoted_text, pa.code, pa.staff_group, ${SOURCE_COLUMNS}
       FROM passages p JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id WHERE p.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(json(rowids)) as MemoSourceRow[];
}

export interface KeyQuoteRow {
  rowid: number;
  start: number;
  end: number;
  quoted_text: string;
}

/** The plain text of these notes, by note rowid. */
export function plainTextsByRowid(db: Database.Database, noteRowids: readonly number[]): { rowid: number; plain_text: string }[] {
  return db.prepare('SELECT rowid, plain_text FROM notes WHERE rowid IN (SELECT value FROM json_each(?))').all(json(noteRowids)) as {
    rowid: number;
    plain_text: string;
  }[];
}
