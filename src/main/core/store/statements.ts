import type Database from 'better-sqlite3';

/**
 * One prepared statement per SQL text and database, kept for the connection's life. For code that runs the
 * same statement thousands of times in one go (a merge reads and writes a record at a time), where preparing
 * each time was a fifth of the work. The SQL must be fixed text; values are parameters.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
