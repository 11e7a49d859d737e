import type { Migration } from './index';

/**
 * Full-text search over notes and memos, and the indexes the theme view
 * needs (issue 4).
 *
 * Both FTS5 tables are external-content: the text lives once, in notes and
 * passages, and the index refers to rows by rowid. Triggers keep the index in
 * step with every insert, update and delete, so no service can forget it.
 * unicode61 with remove_diacritics 2 folds case and accents ("reseau" finds
 * "réseau").
 *
 * - Only the note's text is indexed, not its title: a hit must have a place in
 *   the text to jump to and to tag, and titles are mostly "Notes 2".
 * - Autosave rewrites a note up to twice a second; the UPDATE trigger fires
 *   only when plain_text is in the statement and actually changed, so renames
 *   and saves that change nothing in the text cost nothing. Likewise passages:
 *   every save re-anchors their offsets, but only a changed memo touches the
 *   index.
 * - Every memo is indexed, even an empty one: the index then holds exactly the
 *   rows of passages, as 'rebuild' makes it, and the delete triggers can
 *   always remove what the insert triggers added.
 * - The rowids of notes and passages (tables with a TEXT primary key) are
 *   stable: SQLite keeps a table's rowids through VACUUM and VACUUM INTO when
 *   the table has an index, and both tables do (their primary keys). A test
 *   (search.test.ts) holds SQLite to that.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'search',
  up: (db) => {
    db.exec(`
      CREATE VIRTUAL TABLE notes_fts USING fts5(
        plain_text, content = 'notes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts(rowid, plain_text) VALUES (new.rowid, new.plain_text);
      END;
      CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
      END;
      CREATE TRIGGER notes_fts_update AFTER UPDATE OF plain_text ON notes
      WHEN old.plain_text IS NOT new.plain_text BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
        INSERT INTO notes_fts(rowid, plain_text) VALUES (new.rowid, new.plain_text);
      END;
      INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');

      CREATE VIRTUAL TABLE memos_fts USING fts5(
        memo, content = 'passages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER memos_fts_insert AFTER INSERT ON passages BEGIN
        INSERT INTO memos_fts(rowid, memo) VALUES (new.rowid, new.memo);
      END;
      CREATE TRIGGER memos_fts_delete AFTER DELETE ON passages BEGIN
        INSERT INTO memos_fts(memos_fts, rowid, memo) VALUES ('delete', old.rowid, old.memo);
      END;
      CREATE TRIGGER memos_fts_update AFTER UPDATE OF memo ON passages
      WHEN old.memo IS NOT new.memo BEGIN
        INSERT INTO memos_fts(memos_fts, rowid, memo) VALUES ('delete', old.rowid, old.memo);
        INSERT INTO memos_fts(rowid, memo) VALUES (new.rowid, new.memo);
      END;
      INSERT INTO memos_fts(memos_fts) VALUES ('rebuild');

      -- The theme view (themeView.ts) reads these instead of the rows: a note's
      -- position sits after its document and text, so reading it from the table
      -- walks their overflow pages; a passage's filter and sort columns are
      -- read for thousands of passages at a time.
      CREATE INDEX notes_for_analysis ON notes(id, engagement_id, position);
      CREATE INDEX passages_for_analysis ON passages(id, note_id, detached, start_offset, end_offset, participant_id, key_quote, created_by);
    `);
  },
};
