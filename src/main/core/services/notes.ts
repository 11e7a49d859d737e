import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Note, NoteSummary, SavedNote } from '../../../shared/domain/note';
import { emptyDocument } from '../../../shared/note/blocksToDocument';
import { documentAnchors } from '../../../shared/note/anchors';
import { countWords, documentText } from '../../../shared/note/text';
import { anchorPassages, createPassages, passagesByIds } from './passages';
import { FieldnotesError } from '../../../shared/rpc/result';
import { getEngagement, requireEngagement } from '../store/engagements';

interface NoteRow {
  id: string;
  engagement_id: string;
  title: string;
  document: string;
  word_count: number;
  revision: number;
  source: string;
  updated_at: string;
}

const SUMMARY_COLUMNS = 'id, engagement_id, title, word_count, revision, source, updated_at';

const summary = (row: Omit<NoteRow, 'document'>): NoteSummary => ({
  id: row.id,
  engagementId: row.engagement_id,
  title: row.title,
  wordCount: row.word_count,
  revision: row.revision,
  source: row.source,
  updatedAt: row.updated_at,
});

const missing = () =>
  new FieldnotesError('NOT_FOUND', 'That note no longer exists. It may have been deleted in another window.');

export function listNotes(db: Database.Database, engagementId: string): NoteSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE engagement_id = ? ORDER BY position`)
    .all(engagementId) as NoteRow[];
  return rows.map(summary);
}

export function getNote(db: Database.Database, id: string): Note {
  const row = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw missing();
  return { ...summary(row), document: row.document };
}

export interface NewNote {
  engagementId: string;
  title: string;
  document: string;
  source: string;
}

/** Insert a note (typed or imported) at the end of its engagement. Call inside a transaction for batches. */
export function insertNote(db: Database.Database, note: NewNote, reviewerId: string): string {
  requireEngagement(db, note.engagementId);
  const { plainText, wordCount } = documentText(note.document);
  const id = randomUUID();
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO notes(id, engagement_id, title, document, plain_text, word_count, revision, source, position,
       created_at, created_by, updated_at, updated_by)
     VALUES (@id, @engagement_id, @title, @document, @plain_text, @word_count, 0, @source,
       (SELECT coalesce(max(position), 0) + 1 FROM notes WHERE engagement_id = @engagement_id),
       @now, @reviewer, @now, @reviewer)`,
  ).run({
    id,
    engagement_id: note.engagementId,
    title: note.title,
    document: note.document,
    plain_text: plainText,
    word_count: wordCount,
    source: note.source,
    now,
    reviewer: reviewerId,
  });
  return id;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A new note's name when none is given: what it is of — the engagement's title and date ("Moorfields Eye
 * Hospital, 19 June 2018"), numbered when the engagement already has a note of that name — never "Notes 4".
 */
export function defaultNoteTitle(engagement: { title: string; date: string }, taken: Set<string>): string {
  const date = Number.isNaN(Date.parse(`${engagement.date}T00:00:00Z`)) ? engagement.date : LONG_DATE.format(new Date(`${engagement.date}T00:00:00Z`));
  const base = `${engagement.title.slice(0, 240)}, ${date}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

export function createNote(db: Database.Database, engagementId: string, title: string | undefined, reviewerId: string): Note {
  const engagement = getEngagement(db, engagementId);
  const taken = new Set(listNotes(db, engagementId).map((n) => n.title));
  const id = insertNote(
    db,
    { engagementId, title: title ?? defaultNoteTitle(engagement, taken), document: emptyDocument(), source: 'typed' },
    reviewerId,
  );
  return getNote(db, id);
}

/**
 * The autosave path: one small transaction. The document is stored exactly as
 * sent; its text and word count are derived here so they can never disagree
 * with it. A stale base revision means another window saved in between.
 */
export function saveNote(
  db: Database.Database,
  input: { id: string; document: string; baseRevision: number; createPassages?: { id: string; themeIds: string[] }[] },
  reviewerId: string,
): SavedNote {
  let anchors;
  try {
    anchors = documentAnchors(input.document);
  } catch {
    throw new FieldnotesError('INVALID_INPUT', 'The note could not be saved: its content was not in the expected form.');
  }
  const savedAt = new Date().toISOString();
  return db.transaction(() => {
    const current = db.prepare('SELECT revision, document FROM notes WHERE id = ?').get(input.id) as
      | { revision: number; document: string }
      | undefined;
    if (!current) throw missing();
    if (current.revision !== input.baseRevision && current.document === input.document && !input.createPassages?.length) {
      // The same save again (its answer was lost on the way back): it is already stored; say so.
      const stored = db.prepare('SELECT word_count, updated_at FROM notes WHERE id = ?').get(input.id) as {
        word_count: number;
        updated_at: string;
      };
      return { revision: current.revision, wordCount: stored.word_count, savedAt: stored.updated_at, changedPassages: [] };
    }
    if (current.revision !== input.baseRevision) {
      throw new FieldnotesError(
        'CONFLICT',
        'This note was changed in another window since you opened it. Reopen it to see the latest version; your text here is kept until you do.',
      );
    }
    const revision = current.revision + 1;
    const wordCount = countWords(anchors.plainText);
    db.prepare(
      `UPDATE notes SET document = @document, plain_text = @plain_text, word_count = @word_count,
         revision = @revision, updated_at = @saved_at, updated_by = @reviewer WHERE id = @id`,
    ).run({
      id: input.id,
      document: input.document,
      plain_text: anchors.plainText,
      word_count: wordCount,
      revision,
      saved_at: savedAt,
      reviewer: reviewerId,
    });
    const changed = anchorPassages(db, input.id, anchors);
    if (input.createPassages?.length) {
      createPassages(db, input.id, anchors, input.createPassages, reviewerId);
      changed.push(...input.createPassages.map((p) => p.id));
    }
    // Only what this save changed goes back: a large note's every passage was 2.5 MB per keystroke's save.
    return { revision, wordCount, savedAt, changedPassages: passagesByIds(db, [...new Set(changed)]) };
  })();
}

export function renameNote(db: Database.Database, id: string, title: string): NoteSummary {
  const result = db.prepare('UPDATE notes SET title = ? WHERE id = ?').run(title, id);
  if (result.changes === 0) throw missing();
  return summary(db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow);
}

export function deleteNote(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes === 0) throw missing();
}
