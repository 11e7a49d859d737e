import type Database from 'better-sqlite3';
import { noteTextSql, noteTexts } from './noteBlocks';

/**
 * The reads behind inter-coder agreement (issue 10): who tagged what, as
 * code-point ranges per theme. Read only; passages and their themes are
 * written by their own modules.
 */
export interface CodingRow {
  note_id: string;
  passage_id: string;
  start_offset: number;
  end_offset: number;
  theme_id: string;
  tagged_by: string;
}

/** Every live (not detached) passage-theme tag made by either reviewer. */
export function codingsBy(db: Database.Database, reviewerA: string, reviewerB: string): CodingRow[] {
  return db
    .prepare(
      `SELECT p.note_id, p.id AS passage_id, p.start_offset, p.end_offset, pt.theme_id, pt.tagged_by
         FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id
        WHERE p.detached = 0 AND pt.tagged_by IN (@a, @b)`,
    )
    .all({ a: reviewerA, b: reviewerB }) as CodingRow[];
}

export interface CoderRow {
  id: string;
  name: string;
  initials: string;
  passages: number;
  notes: number;
}

/** Reviewers who have tagged at least one live passage, most active first. */
export function coders(db: Database.Database): CoderRow[] {
  return db
    .prepare(
      `SELECT r.id, r.name, r.initials, count(DISTINCT p.id) AS passages, count(DISTINCT p.note_id) AS notes
         FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id JOIN reviewers r ON r.id = pt.tagged_by
        WHERE p.detached = 0
        GROUP BY r.id ORDER BY passages DESC, r.name`,
    )
    .all() as CoderRow[];
}

export interface CodedNoteRow {
  id: string;
  title: string;
  engagement_id: string;
  /** Length in code points: SQLite's length() counts characters of TEXT. */
  length: number;
}

export function codedNotes(db: Database.Database, ids: readonly string[]): CodedNoteRow[] {
  return db
    .prepare(
      `SELECT n.id, n.title, n.engagement_id, length(${noteTextSql('n.id')}) AS length
         FROM notes n WHERE n.id IN (SELECT value FROM json_each(?)) ORDER BY n.id`,
    )
    .all(JSON.stringify(ids)) as CodedNoteRow[];
}

/** The plain text of one note, to quote where two reviewers differ. */
export function notePlainText(db: Database.Database, id: string): string {
  return noteTexts(db, [id]).get(id) ?? '';
}

export function themeNames(db: Database.Database, ids: readonly string[]): Map<string, string> {
  const rows = db
    .prepare('SELECT id, name FROM themes WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
