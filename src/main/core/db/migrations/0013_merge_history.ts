import type { Migration } from './index';

/**
 * What a merge overwrote (issue 10): when both laptops changed one field of a
 * record apart, the later change wins and the other value is kept here, with
 * whose it was and when, so it can be shown beside the record and put back.
 * Local to this workspace (not merged itself): it records what this file's
 * merges decided. `store/mergeHistory.ts` owns it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'merge_history',
  up: (db) => {
    db.exec(`
      CREATE TABLE merge_history (
        id          TEXT PRIMARY KEY,
        table_name  TEXT NOT NULL,
        record_id   TEXT NOT NULL,
        column_name TEXT NOT NULL,
        value       TEXT NOT NULL CHECK (json_valid(value)),
        kept_value  TEXT NOT NULL CHECK (json_valid(kept_value)),
        changed_by  TEXT,
        changed_at  TEXT,
        merged_at   TEXT NOT NULL,
        restored_at TEXT
      ) STRICT;
      CREATE INDEX merge_history_by_record ON merge_history(table_name, record_id, merged_at);
    `);
  },
};
