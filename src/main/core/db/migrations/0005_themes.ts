import type { Migration } from './index';

/**
 * The codebook: themes in a hierarchy (issue 4). `position` orders siblings
 * from 0. A parent cannot be deleted while it has children (no ON DELETE
 * action): the themes service moves or merges children first, so a stray
 * DELETE can never orphan or silently drop part of the tree.
 *
 * Sibling names are unique ignoring case; the service checks that with full
 * Unicode case folding and a sentence a person can act on. The index below
 * (ASCII case folding only, SQLite's NOCASE) is the backstop for rows written
 * by anything else.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'themes',
  up: (db) => {
    db.exec(`
      CREATE TABLE themes (
        id          TEXT PRIMARY KEY,
        parent_id   TEXT REFERENCES themes(id),
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        code        TEXT,
        colour      TEXT NOT NULL,
        definition  TEXT NOT NULL DEFAULT '',
        exclusions  TEXT NOT NULL DEFAULT '',
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL REFERENCES reviewers(id),
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT;
      CREATE INDEX themes_by_parent ON themes(parent_id, position);
      CREATE UNIQUE INDEX themes_sibling_names ON themes(coalesce(parent_id, ''), name COLLATE NOCASE);
    `);
  },
};
