import type Database from 'better-sqlite3';
import { NoteSource, type Note, type NoteSummary } from '../../../shared/domain/note';
import { FieldnotesError } from '../../../shared/rpc/result';

/**
 * The `notes` table. Its full-text index (`notes_fts`) follows the rows by
 * triggers (migration 0007), so no write here names it.
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
  return { ...noteSummaryFromRow(row), document: row.document };
}

/** Refuse with the one message when the note is gone. */
export function requireNote(db: Database.Database, id: string): void {
  if (!db.prepare('SELECT 1 FROM notes WHERE id = ?').get(id)) throw noteMissing();
}

/** What a save compares against: the stored revision and document. */
export function noteForSave(db: Database.Database, id: string): { revision: number; document: string; wordCount: number; updatedAt: string } {
  const row = db.prepare('SELECT revision, document, word_count, updated_at FROM notes WHERE id = ?').get(id) as
    | { revision: number; document: string; word_count: number; updated_at: string }
    | undefined;
  if (!row) throw noteMissing();
  return { revision: row.revision, document: row.document, wordCount: row.word_count, updatedAt: row.updated_at };
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
export function plainTexts(db: Database.Database, ids: readonly string[]): Map<string, string> {
  const rows = db.prepare('SELECT id, plain_text FROM notes WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: string;
    plain_text: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.plain_text]));
}

export interface NewNoteRow {
  id: string;
  engagementId: string;
  title: string;
  document: string;
  plainText: string;
  wordCount: number;
  source: NoteSummary['source'];
}

/** Insert a note at the end of its engagement. */
export function insertNote(db: Database.Database, note: NewNoteRow, reviewerId: string, now: string): void {
  db.prepare(
    `INSERT INTO notes(id, engagement_id, title, document, plain_text, word_count, revision, source, position,
       created_at, created_by, updated_at, updated_by)
     VALUES (@id, @engagement_id, @title, @document, @plain_text, @word_count, 0, @source,
       (SELECT coalesce(max(position), 0) + 1 FROM notes WHERE engagement_id = @engagement_id),
       @now, @reviewer, @now, @reviewer)`,
  ).run({
    id: note.id,
    engagement_id: note.engagementId,
    title: note.title,
    document: note.document,
    plain_text: note.plainText,
    word_count: note.wordCount,
    source: note.source,
    now,
    reviewer: reviewerId,
  });
}

/** The autosave's write: the document with the text and count derived from it, one revision on. */
export function writeNoteContent(
  db: Database.Database,
  id: string,
  content: { document: string; plainText: string; wordCount: number; revision: number },
  reviewerId: string,
  savedAt: string,
): void {
  db.prepare(
    `UPDATE notes SET document = @document, plain_text = @plain_text, word_count = @word_count,
       revision = @revision, updated_at = @saved_at, updated_by = @reviewer WHERE id = @id`,
  ).run({
    id,
    document: content.document,
    plain_text: content.plainText,
    word_count: content.wordCount,
    revision: content.revision,
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
