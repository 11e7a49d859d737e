import type { Migration } from './index';

/**
 * Capture (issue 3): engagement details, workspace-defined engagement types,
 * and notes. A note's document is the editor's serialized state; its plain
 * text and word count are derived on every save for search and counts.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'capture',
  up: (db) => {
    db.exec(`
      CREATE TABLE engagement_types (
        id       TEXT PRIMARY KEY,
        label    TEXT NOT NULL UNIQUE,
        builtin  INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL
      ) STRICT;
      INSERT INTO engagement_types(id, label, builtin, position) VALUES
        ('site_visit', 'Site visit', 1, 1),
        ('workshop', 'Workshop', 1, 2),
        ('roundtable', 'Roundtable', 1, 3),
        ('interview', 'Interview', 1, 4),
        ('focus_group', 'Focus group', 1, 5),
        ('written_submission', 'Written submission', 1, 6);

      ALTER TABLE engagements ADD COLUMN start_time TEXT;
      ALTER TABLE engagements ADD COLUMN end_time TEXT;
      ALTER TABLE engagements ADD COLUMN place TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagements ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagements ADD COLUMN panel TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagements ADD COLUMN reviewers_present TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE engagements ADD COLUMN context TEXT NOT NULL DEFAULT '';
      ALTER TABLE engagements ADD COLUMN updated_at TEXT;
      CREATE INDEX engagements_by_type ON engagements(type);
      CREATE INDEX engagements_by_organisation ON engagements(organisation);

      CREATE TABLE notes (
        id            TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        title         TEXT NOT NULL,
        document      TEXT NOT NULL,
        plain_text    TEXT NOT NULL DEFAULT '',
        word_count    INTEGER NOT NULL DEFAULT 0,
        revision      INTEGER NOT NULL DEFAULT 0,
        source        TEXT NOT NULL DEFAULT 'typed',
        position      INTEGER NOT NULL,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL REFERENCES reviewers(id),
        updated_at    TEXT NOT NULL,
        updated_by    TEXT NOT NULL REFERENCES reviewers(id)
      ) STRICT;
      CREATE INDEX notes_by_engagement ON notes(engagement_id, position);
    `);
  },
};
