import type Database from 'better-sqlite3';
import { NoteSource, type Note, type NoteSummary } from '../../../shared/domain/note';
import { documentFromFrame } from '../../../shared/note/blocks';
import { FieldnotesError } from '../../../shared/rpc/result';
import { joinedBlocks, noteTexts } from './noteBlocks';
import { prepared } from './statements';

/**
 * The `notes` table. A note's text is in `note_blocks` (store/noteBlocks.ts, migration 0015): the row's
 * `document` holds the document's frame only, and `plain_text` is left empty.
 */

export interface NoteRow {
  id: string;
  engagement_id: string;
  title: string;
  document: string;
  word_count: number;
  revision: number;
  source: string;
  updated_at: string;
}

/** Everything but the document, which is large and read only when the note is opened. */
const SUMMARY_COLUMNS = 'id, engagement_id, title, word_count, revision, source, updated_at';

/** A source written by an older app or a foreign writer reads as typed rather than failing the list. */
const sourceOf = (stored: string): NoteSummary['source'] => {
  const parsed = NoteSource.safeParse(stored);
  return parsed.success ? parsed.data : 'typed';
};

export const noteSummaryFromRow = (row: Omit<NoteRow, 'document'>): NoteSummary => ({
  id: row.id,
  engagementId: row.engagement_id,
  title: row.title,
  wordCount: row.word_count,
  revision: row.revision,
  source: sourceOf(row.source),
  updatedAt: row.updated_at,
});

export const noteMissing = (): FieldnotesError =>
  new FieldnotesError('NOT_FOUND', 'That note no longer exists. It may have been deleted in another window.');

export function listNotes(db: Database.Database, engagementId: string): NoteSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE engagement_id = ? ORDER BY position`)
    .all(engagementId) as NoteRow[];
  return rows.map(noteSummaryFromRow);
}

export function getNoteSummary(db: Database.Database, id: string): NoteSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
  if (!row) throw noteMissing();
  return noteSummaryFromRow(row);
}

export function getNote(db: Database.Database, id: string): Note {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, document FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
  if (!row) throw noteMissing();
  return { ...noteSummaryFromRow(row), document: documentFromFrame(row.document, joinedBlocks(db, id)) };
}

/** The stored frame of a note's document (the root without its blocks). */
export function noteFrame(db: Database.Database, id: string): string {
  const frame = db.prepare('SELECT document FROM notes WHERE id = ?').pluck().get(id) as string | undefined;
  if (frame === undefined) throw noteMissing();
  return frame;
}

/** Refuse with the one message when the note is gone. */
export function requireNote(db: Database.Database, id: string): void {
  if (!db.prepare('SELECT 1 FROM notes WHERE id = ?').get(id)) throw noteMissing();
}

/** A save's check without the document: its revision, count and time. */
export function noteSaveState(db: Database.Database, id: string): { revision: number; wordCount: number; updatedAt: string } {
  const row = db.prepare('SELECT revision, word_count, updated_at FROM notes WHERE id = ?').get(id) as
    | { revision: number; word_count: number; updated_at: string }
    | undefined;
  if (!row) throw noteMissing();
  return { revision: row.revision, wordCount: row.word_count, updatedAt: row.updated_at };
}

/** The plain text of a set of notes by id (for context around passages and search hits). */
export const plainTexts = noteTexts;

export interface NewNoteRow {
  id: string;
  engagementId: string;
  title: string;
  /** The document's frame; its blocks go to note_blocks. */
  frame: string;
  wordCount: number;
  source: NoteSummary['source'];
}

/** Insert a note at the end of its engagement (its blocks are written after it). */
export function insertNote(db: Database.Database, note: NewNoteRow, reviewerId: string, now: string): void {
  db.prepare(
    `INSERT INTO notes(id, engagement_id, title, document, plain_text, word_count, revision, source, position,
       created_at, created_by, updated_at, updated_by)
     VALUES (@id, @engagement_id, @title, @document, '', @word_count, 0, @source,
       (SELECT coalesce(max(position), 0) + 1 FROM notes WHERE engagement_id = @engagement_id),
       @now, @reviewer, @now, @reviewer)`,
  ).run({
    id: note.id,
    engagement_id: note.engagementId,
    title: note.title,
    document: note.frame,
    word_count: note.wordCount,
    source: note.source,
    now,
    reviewer: reviewerId,
  });
}

/**
 * The autosave's write of the row, beside the blocks it changed: the count derived from the text, one
 * revision on, and the frame when it changed (a whole save).
 */
export function writeNoteSaved(
  db: Database.Database,
  id: string,
  saved: { wordCount: number; revision: number; frame?: string },
  reviewerId: string,
  savedAt: string,
): void {
  prepared(
    db,
    `UPDATE notes SET document = coalesce(@frame, document), word_count = @word_count,
       revision = @revision, updated_at = @saved_at, updated_by = @reviewer WHERE id = @id`,
  ).run({
    id,
    frame: saved.frame ?? null,
    word_count: saved.wordCount,
    revision: saved.revision,
    saved_at: savedAt,
    reviewer: reviewerId,
  });
}

export function renameNote(db: Database.Database, id: string, title: string): void {
  if (db.prepare('UPDATE notes SET title = ? WHERE id = ?').run(title, id).changes === 0) throw noteMissing();
}

export function deleteNote(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes === 0) throw noteMissing();
}
