import type Database from 'better-sqlite3';

/**
 * A new bench workspace written in bulk (issue 11: scale 4 took many minutes): no journal and no fsync while
 * `write` runs (the file is built under a temporary name and thrown away if this fails, so there is nothing
 * to recover), and the full-text indexes built once at the end rather than a row at a time as each note and
 * passage goes in. `write` puts its rows in as few transactions as it can.
 *
 * The indexes are found from the schema, not named here: every FTS5 table, and every trigger that writes to
 * one (its insert, update and delete triggers alike: an update's 'delete' of a row the index never saw would
 * corrupt it). Those triggers are dropped for the build and put back, as they were, after FTS5's 'rebuild'
 * has indexed every row from its content table. Whatever else such a trigger does (marking the analysis
 * change log) is not needed in a new file: its analysis index is built whole when it is first opened.
 */
export function writeInBulk<T>(db: Database.Database, write: () => T): T {
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const indexes = deferFullTextIndexes(db);
  const written = write();
  db.transaction(() => indexes.build())();
  db.pragma(`journal_mode = ${journal}`);
  db.pragma(`synchronous = ${synchronous}`);
  return written;
}

interface Trigger {
  name: string;
  sql: string;
}

function deferFullTextIndexes(db: Database.Database): { build: () => void } {
  const tables = (
    db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as Trigger[]
  )
    .filter((t) => /\bUSING\s+fts5\s*\(/i.test(t.sql))
    .map((t) => t.name);
  const feeding = (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as Trigger[]).filter(
    (t) => tables.some((table) => new RegExp(`\\bINSERT\\s+INTO\\s+${table}\\s*\\(`, 'i').test(t.sql)),
  );
  for (const t of feeding) db.exec(`DROP TRIGGER ${t.name}`);
  return {
    build() {
      for (const table of tables) db.prepare(`INSERT INTO ${table}(${table}) VALUES ('rebuild')`).run();
      for (const t of feeding) db.exec(t.sql);
    },
  };
}
