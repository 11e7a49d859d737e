import type { Migration } from './index';

/**
 * Passages of notes and the themes they carry (issue 4). The document holds
 * only a passage's id (a mark); everything else lives here by id. Offsets
 * count Unicode code points in the note's canonical plain text and are
 * derived on every save, so they are never the source of truth.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'passages',
  up: (db) => {
    db.exec(`
      CREATE TABLE passages (
        id                 TEXT PRIMARY KEY,
        note_id            TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        start_offset       INTEGER NOT NULL,
        end_offset         INTEGER NOT NULL,
        quoted_text        TEXT NOT NULL,
        memo               TEXT NOT NULL DEFAULT '',
        key_quote          INTEGER NOT NULL DEFAULT 0,
        participant_id     TEXT REFERENCES participants(id) ON DELETE SET NULL,
        speaker_set_by_hand INTEGER NOT NULL DEFAULT 0,
        detached           INTEGER NOT NULL DEFAULT 0,
        created_at         TEXT NOT NULL,
        created_by         TEXT NOT NULL REFERENCES reviewers(id),
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX passages_by_note ON passages(note_id, start_offset);
      CREATE INDEX passages_by_participant ON passages(participant_id);

      CREATE TABLE passage_themes (
        passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        theme_id   TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        tagged_at  TEXT NOT NULL,
        tagged_by  TEXT NOT NULL REFERENCES reviewers(id),
        PRIMARY KEY (passage_id, theme_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX passage_themes_by_theme ON passage_themes(theme_id, passage_id);
    `);
  },
};
