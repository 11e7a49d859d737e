import { storedDocument } from '../../../../shared/note/blocks';
import { blocksToDocument } from '../../../../shared/note/blocksToDocument';
import { BLOCKS_PER_NOTE } from '../../store/noteBlocks';
import type { Migration } from './index';

/**
 * A note's text is stored per top-level block (issue 11, "editing stays fast at four times review scale").
 * Every autosave rewrote the note's whole row — the 3.5 MB document and its 1.2 MB text — and its FTS5
 * entry, which meant tokenising the whole old and new text: ~100–180 ms of each save in the 200,000-word
 * note at load 4, whatever was typed. Now a save rewrites the blocks it changed and their FTS rows only.
 *
 * - `note_blocks`: one row per top-level block — its JSON exactly as the editor serialises it and its plain
 *   text as the anchors walker reads it (`shared/note/blocks.ts`). `seq` orders a note's blocks with gaps
 *   (steps of 1024), so a block inserted between two others writes its own row alone.
 * - `notes.document` now holds the document's frame: the root with no children. The whole document is
 *   `frame` with the blocks' JSON joined by commas between its brackets, the plain text their texts joined
 *   by a blank line — byte for byte what a whole save stored before (store/noteBlocks.ts assembles both).
 *   `notes.plain_text` stays, empty.
 * - `note_blocks_fts` replaces `notes_fts`: one FTS5 row per block, so a save re-indexes a paragraph.
 *   Search asks it per term and groups blocks by note (store/search.ts), so a note matches all the words
 *   searched even when they are in different paragraphs, as before. A block's id is its note's rowid times
 *   2^24 plus a number within the note: a word in 43,000 blocks of a scale-4 workspace groups into notes
 *   from the index's rowids alone, where a lookup of each block's note took over a second.
 * - The analysis index's change log (0011) took a note's text change from `notes.plain_text`; a block's
 *   insert, delete or change of text now marks its note.
 * - Change tracking (db/changeTracking.ts) clocks a note's `document` when its revision moves: every save
 *   moves it, and the frame column alone would never change.
 *
 * The rows are rewritten with stamping off: splitting a note's storage is no edit of it, and two laptops
 * that each migrated must not see every note as edited on both sides.
 */
/**
 * A note's document as stored in blocks. One that is not a note document (a foreign writer's, a test's
 * '{}') keeps its words: its plain text becomes its paragraphs.
 */
function storedOrFromText(note: { document: string; plain_text: string }): ReturnType<typeof storedDocument> {
  try {
    return storedDocument(note.document);
  } catch {
    const paragraphs = note.plain_text.split('\n\n').map((text) => ({ kind: 'paragraph' as const, runs: [{ text }] }));
    return storedDocument(blocksToDocument(paragraphs));
  }
}

export const migration0015: Migration = {
  version: 15,
  name: 'note_blocks',
  notice: 'storing each note paragraph by paragraph, once after this update (seconds to a minute for a large review)',
  up: (db, progress) => {
    db.exec(`
      DROP TRIGGER notes_fts_insert;
      DROP TRIGGER notes_fts_delete;
      DROP TRIGGER notes_fts_update;
      DROP TABLE notes_fts;
      DROP TRIGGER analysis_notes_text;

      CREATE TABLE note_blocks (
        id      INTEGER PRIMARY KEY,
        note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        seq     INTEGER NOT NULL,
        block   TEXT NOT NULL,
        text    TEXT NOT NULL,
        UNIQUE (note_id, seq)
      ) STRICT;

      CREATE VIRTUAL TABLE note_blocks_fts USING fts5(
        text, content = 'note_blocks', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('secure-delete', 1);
      -- Each word's occurrences, by block: search counts a word's frequency in a note from it (store/search.ts).
      CREATE VIRTUAL TABLE note_blocks_terms USING fts5vocab(note_blocks_fts, instance);
    `);

    // One pass, one note's document in memory at a time (a connection cannot write while it iterates a
    // query), each parsed once; the full-text index is built at the end in one go, not row by row.
    const stamping = db.prepare('SELECT stamping FROM change_actor').pluck().get() as number | undefined;
    if (stamping !== undefined) db.prepare('UPDATE change_actor SET stamping = 0').run();
    const notes = db.prepare('SELECT id, rowid FROM notes').raw().all() as [string, number][];
    const noteOf = db.prepare('SELECT document, plain_text FROM notes WHERE id = ?');
    const insert = db.prepare('INSERT INTO note_blocks(id, note_id, seq, block, text) VALUES (?, ?, ?, ?, ?)');
    const setFrame = db.prepare(`UPDATE notes SET document = ?, plain_text = '' WHERE id = ?`);
    for (const [n, [id, rowid]] of notes.entries()) {
      if (n % 50 === 0) progress?.(n, notes.length);
      const stored = storedOrFromText(noteOf.get(id) as { document: string; plain_text: string });
      stored.blocks.forEach((b, i) => insert.run(rowid * BLOCKS_PER_NOTE + i + 1, id, (i + 1) * 1024, b.block, b.text));
      setFrame.run(stored.frame, id);
    }
    if (stamping !== undefined) db.prepare('UPDATE change_actor SET stamping = ?').run(stamping);
    progress?.(notes.length, notes.length);

    const mark = (noteId: string) => `
        UPDATE analysis_clock SET tick = tick + 1;
        INSERT INTO analysis_changes(note_id, tick) SELECT ${noteId}, tick FROM analysis_clock WHERE true
          ON CONFLICT(note_id) DO UPDATE SET tick = excluded.tick;`;
    db.exec(`
      INSERT INTO note_blocks_fts(note_blocks_fts) VALUES ('rebuild');
      CREATE TRIGGER note_blocks_fts_insert AFTER INSERT ON note_blocks BEGIN
        INSERT INTO note_blocks_fts(rowid, text) VALUES (new.id, new.text);${mark('new.note_id')}
      END;
      CREATE TRIGGER note_blocks_fts_delete AFTER DELETE ON note_blocks BEGIN
        INSERT INTO note_blocks_fts(note_blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);${mark('old.note_id')}
      END;
      CREATE TRIGGER note_blocks_fts_update AFTER UPDATE OF id, text ON note_blocks
      WHEN old.text IS NOT new.text OR old.id IS NOT new.id BEGIN
        INSERT INTO note_blocks_fts(note_blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO note_blocks_fts(rowid, text) VALUES (new.id, new.text);${mark('new.note_id')}
      END;
    `);
  },
};
