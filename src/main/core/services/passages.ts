import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Passage } from '../../../shared/domain/passage';
import { codePointSlicer, speakerAt, type DocumentAnchors } from '../../../shared/note/anchors';
import { createNoteEditor, serialize, tagRange } from '../../../shared/note/editing';
import { FieldnotesError } from '../../../shared/rpc/result';

interface PassageRow {
  id: string;
  note_id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  memo: string;
  key_quote: number;
  participant_id: string | null;
  speaker_set_by_hand: number;
  detached: number;
  created_at: string;
  created_by: string;
}

interface TagRow {
  passage_id: string;
  theme_id: string;
  tagged_by: string;
  tagged_at: string;
}

function withTags(db: Database.Database, rows: PassageRow[]): Passage[] {
  if (rows.length === 0) return [];
  const tags = db
    .prepare(
      `SELECT passage_id, theme_id, tagged_by, tagged_at FROM passage_themes
       WHERE passage_id IN (SELECT value FROM json_each(?)) ORDER BY tagged_at`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as TagRow[];
  const byPassage = new Map<string, TagRow[]>();
  for (const tag of tags) byPassage.set(tag.passage_id, [...(byPassage.get(tag.passage_id) ?? []), tag]);
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    start: r.start_offset,
    end: r.end_offset,
    quotedText: r.quoted_text,
    memo: r.memo,
    keyQuote: r.key_quote === 1,
    participantId: r.participant_id,
    speakerSetByHand: r.speaker_set_by_hand === 1,
    detached: r.detached === 1,
    tags: (byPassage.get(r.id) ?? []).map((t) => ({ themeId: t.theme_id, taggedBy: t.tagged_by, taggedAt: t.tagged_at })),
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export function passagesForNote(db: Database.Database, noteId: string): Passage[] {
  const rows = db
    .prepare('SELECT * FROM passages WHERE note_id = ? ORDER BY detached, start_offset, end_offset')
    .all(noteId) as PassageRow[];
  return withTags(db, rows);
}

export function getPassage(db: Database.Database, id: string): Passage {
  const row = db.prepare('SELECT * FROM passages WHERE id = ?').get(id) as PassageRow | undefined;
  if (!row) throw new FieldnotesError('NOT_FOUND', 'That passage no longer exists.');
  return withTags(db, [row])[0]!;
}

export function passagesByIds(db: Database.Database, ids: string[]): Passage[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare('SELECT * FROM passages WHERE id IN (SELECT value FROM json_each(?)) ORDER BY detached, start_offset, end_offset')
    .all(JSON.stringify(ids)) as PassageRow[];
  return withTags(db, rows);
}

/**
 * Participant ids by code for the speakers of a note's turns, read in one query: a save looks up the
 * speaker of every passage, and one query per passage was most of a large note's save.
 */
function participantsByCode(db: Database.Database, anchors: DocumentAnchors): (code: string | null) => string | null {
  const codes = [...new Set(anchors.blocks.flatMap((b) => (b.speaker ? [b.speaker] : [])))];
  const ids = new Map(
    codes.length
      ? (db.prepare('SELECT code, id FROM participants WHERE code IN (SELECT value FROM json_each(?))').all(JSON.stringify(codes)) as {
          code: string;
          id: string;
        }[]).map((r) => [r.code, r.id])
      : [],
  );
  return (code) => (code ? (ids.get(code) ?? null) : null);
}

type AnchorRow = Pick<
  PassageRow,
  'id' | 'start_offset' | 'end_offset' | 'quoted_text' | 'participant_id' | 'speaker_set_by_hand' | 'detached'
>;

/**
 * After a note is saved: bring every passage of the note in line with its
 * document, and return the ids of those whose quoted text, speaker or
 * detachment changed (the ones only moved by text typed before them are
 * stored, but are not news to the editor). A passage whose mark is there gets its offsets, quoted text and
 * (unless chosen by hand) speaker from the document; one whose mark is gone is
 * marked detached, never dropped — undo in the editor brings the mark back and
 * the next save re-attaches it. Marks of passages that belong to another note
 * (pasted from elsewhere) are left alone.
 */
export function anchorPassages(db: Database.Database, noteId: string, anchors: DocumentAnchors): string[] {
  const rows = db
    .prepare(
      'SELECT rowid, id, start_offset, end_offset, quoted_text, participant_id, speaker_set_by_hand, detached FROM passages WHERE note_id = ?',
    )
    .all(noteId) as (AnchorRow & { rowid: number })[];
  const changed: string[] = [];
  if (rows.length === 0) return changed;
  const participantByCode = participantsByCode(db, anchors);
  const update = db.prepare(
    `UPDATE passages SET start_offset = @start, end_offset = @end, quoted_text = @text, detached = @detached,
       participant_id = @participant, updated_at = @now WHERE rowid = @rowid`,
  );
  // Text typed before a passage only moves it: the narrowest write, by rowid, and not news for the editor.
  const move = db.prepare('UPDATE passages SET start_offset = ?, end_offset = ? WHERE rowid = ?');
  const now = new Date().toISOString();
  const slice = codePointSlicer(anchors.plainText);
  for (const row of rows) {
    const range = anchors.passages.get(row.id);
    const next = range
      ? {
          start: range.start,
          end: range.end,
          text: slice(range.start, range.end),
          detached: 0,
          participant: row.speaker_set_by_hand ? row.participant_id : participantByCode(speakerAt(anchors.blocks, range.start)),
        }
      : { start: row.start_offset, end: row.end_offset, text: row.quoted_text, detached: 1, participant: row.participant_id };
    const same = next.text === row.quoted_text && next.detached === row.detached && next.participant === row.participant_id;
    const moved = next.start !== row.start_offset || next.end !== row.end_offset;
    if (!same) {
      update.run({ rowid: row.rowid, now, ...next });
      changed.push(row.id);
    } else if (moved) {
      move.run(next.start, next.end, row.rowid);
    }
  }
  return changed;
}

function requireTheme(db: Database.Database, themeId: string): void {
  if (!db.prepare('SELECT 1 FROM themes WHERE id = ?').get(themeId)) {
    throw new FieldnotesError('NOT_FOUND', 'That theme no longer exists. It may have been merged or deleted.');
  }
}

/** Create passages whose marks the editor has just put in this note's document (within the save's transaction). */
export function createPassages(
  db: Database.Database,
  noteId: string,
  anchors: DocumentAnchors,
  creates: { id: string; themeIds: string[] }[],
  reviewerId: string,
): void {
  const now = new Date().toISOString();
  const participantByCode = participantsByCode(db, anchors);
  // One slicer for all: slicing a text with emoji builds its code point index, and an import creates hundreds at once.
  const slice = codePointSlicer(anchors.plainText);
  const insert = db.prepare(
    `INSERT INTO passages(id, note_id, start_offset, end_offset, quoted_text, participant_id, created_at, created_by, updated_at)
     VALUES (@id, @note, @start, @end, @text, @participant, @now, @reviewer, @now)`,
  );
  for (const create of creates) {
    const range = anchors.passages.get(create.id);
    if (!range) throw new FieldnotesError('INVALID_INPUT', 'The passage to tag is not in the note any more. Select the text again.');
    const existing = db.prepare('SELECT note_id FROM passages WHERE id = ?').get(create.id) as { note_id: string } | undefined;
    if (existing && existing.note_id !== noteId) {
      throw new FieldnotesError('CONFLICT', 'That passage belongs to another note. Select the text again to tag it here.');
    }
    if (!existing) {
      insert.run({
        id: create.id,
        note: noteId,
        start: range.start,
        end: range.end,
        text: slice(range.start, range.end),
        participant: participantByCode(speakerAt(anchors.blocks, range.start)),
        now,
        reviewer: reviewerId,
      });
    }
    for (const themeId of create.themeIds) addTag(db, create.id, themeId, reviewerId, now);
  }
}

function addTag(db: Database.Database, passageId: string, themeId: string, reviewerId: string, now: string): void {
  requireTheme(db, themeId);
  db.prepare(
    `INSERT INTO passage_themes(passage_id, theme_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(passage_id, theme_id) DO NOTHING`,
  ).run(passageId, themeId, now, reviewerId);
}

export function tagPassage(db: Database.Database, passageId: string, themeId: string, reviewerId: string): Passage {
  return db.transaction(() => {
    getPassage(db, passageId);
    addTag(db, passageId, themeId, reviewerId, new Date().toISOString());
    return getPassage(db, passageId);
  })();
}

export function untagPassage(db: Database.Database, passageId: string, themeId: string): Passage | null {
  return db.transaction(() => {
    getPassage(db, passageId);
    db.prepare('DELETE FROM passage_themes WHERE passage_id = ? AND theme_id = ?').run(passageId, themeId);
    const left = db.prepare('SELECT count(*) AS n FROM passage_themes WHERE passage_id = ?').get(passageId) as { n: number };
    if (left.n > 0) return getPassage(db, passageId);
    db.prepare('DELETE FROM passages WHERE id = ?').run(passageId);
    return null;
  })();
}

export function updatePassage(
  db: Database.Database,
  input: { id: string; memo?: string; keyQuote?: boolean; participantId?: string | null; speakerFromTurn?: true },
): Passage {
  return db.transaction(() => {
    getPassage(db, input.id);
    const now = new Date().toISOString();
    if (input.memo !== undefined) db.prepare('UPDATE passages SET memo = ?, updated_at = ? WHERE id = ?').run(input.memo, now, input.id);
    if (input.keyQuote !== undefined) {
      db.prepare('UPDATE passages SET key_quote = ?, updated_at = ? WHERE id = ?').run(input.keyQuote ? 1 : 0, now, input.id);
    }
    if (input.participantId !== undefined) {
      if (input.participantId && !db.prepare('SELECT 1 FROM participants WHERE id = ?').get(input.participantId)) {
        throw new FieldnotesError('NOT_FOUND', 'That participant no longer exists.');
      }
      db.prepare('UPDATE passages SET participant_id = ?, speaker_set_by_hand = 1, updated_at = ? WHERE id = ?').run(input.participantId, now, input.id);
    }
    if (input.speakerFromTurn) {
      // The next save derives the speaker from the turn again.
      db.prepare('UPDATE passages SET speaker_set_by_hand = 0, updated_at = ? WHERE id = ?').run(now, input.id);
    }
    return getPassage(db, input.id);
  })();
}

export function deletePassage(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM passages WHERE id = ?').run(id).changes === 0) {
    throw new FieldnotesError('NOT_FOUND', 'That passage no longer exists.');
  }
}

/**
 * Tag a range of a note without the editor (a search hit): put the mark in
 * the stored document with the same headless editor and transforms the live
 * one uses, and save document and passage together.
 */
export function createPassageFromRange(
  db: Database.Database,
  input: { noteId: string; start: number; end: number; themeIds: string[] },
  save: (document: string, baseRevision: number, creates: { id: string; themeIds: string[] }[]) => void,
): Passage {
  const note = db.prepare('SELECT document, revision FROM notes WHERE id = ?').get(input.noteId) as
    | { document: string; revision: number }
    | undefined;
  if (!note) throw new FieldnotesError('NOT_FOUND', 'That note no longer exists.');
  const editor = createNoteEditor(note.document);
  const id = randomUUID();
  if (!tagRange(editor, input.start, input.end, id)) {
    throw new FieldnotesError('INVALID_INPUT', 'That part of the note has changed since it was found. Search again, then tag it.');
  }
  save(serialize(editor), note.revision, [{ id, themeIds: input.themeIds }]);
  return getPassage(db, id);
}
