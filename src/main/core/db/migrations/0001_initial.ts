import type { Migration } from './index';

/** The first schema: workspace facts, the reviewers who wrote in it, engagements. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE workspace_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reviewers (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        initials   TEXT NOT NULL,
        first_seen TEXT NOT NULL
      ) STRICT;

      CREATE TABLE engagements (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        type       TEXT NOT NULL,
        date       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES reviewers(id)
      ) STRICT;
      CREATE INDEX engagements_by_date ON engagements(date);
    `);
  },
};
