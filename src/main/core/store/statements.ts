import type Database from 'better-sqlite3';
import { memoryPart, remembered } from '../workspace/connectionMemory';

/**
 * One prepared statement per SQL text and database, kept for the connection's life (a part of its memory,
 * workspace/connectionMemory.ts, let go of when the workspace closes). For code that runs the same statement
 * thousands of times in one go (a merge reads and writes a record at a time), where preparing each time was a
 * fifth of the work. The SQL must be fixed text; values are parameters.
 */
const STATEMENTS = memoryPart(
  'prepared statements',
  () => new Map<string, Database.Statement>(),
  (statements) => statements.clear(),
);

export function prepared(db: Database.Database, sql: string): Database.Statement {
  const statements = remembered(db, STATEMENTS);
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
