import type { Migration } from './index';

/**
 * Deleted means gone, in the search indexes too (issue 12). SQLite's
 * secure_delete (set on every connection) zeroes freed pages, but FTS5 by
 * default only marks a deleted row's words as deleted and keeps them in its
 * segments until a merge — a removed participant's name stayed readable in
 * the file. FTS5's own 'secure-delete' option removes them at once; 'optimize'
 * merges away what earlier deletes left.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'secure delete in search indexes',
  up: (db) => {
    for (const index of ['notes_fts', 'memos_fts']) {
      db.exec(`INSERT INTO ${index}(${index}, rank) VALUES ('secure-delete', 1)`);
      db.exec(`INSERT INTO ${index}(${index}) VALUES ('optimize')`);
    }
  },
};
