import type { Migration } from './index';

/**
 * Attachments stored inside the workspace (issue 3), so that one file is the
 * whole evidence base. `data` is the last column on purpose: SQLite reads a
 * row's columns in order and a large blob spills into a chain of overflow
 * pages, so listing name, size and date never walks through the contents.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'files',
  up: (db) => {
    db.exec(`
      CREATE TABLE attachments (
        id            TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        file_name     TEXT NOT NULL,
        media_type    TEXT NOT NULL,
        size          INTEGER NOT NULL CHECK (size >= 0),
        sha256        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL REFERENCES reviewers(id),
        data          BLOB NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_engagement ON attachments(engagement_id, created_at);
    `);
  },
};
