import type Database from 'better-sqlite3';

/**
 * `workspace_meta`: the workspace's own facts by key — its name, when and by
 * whom it was created, the log token (workspace/logToken.ts), and counters
 * that must never go backwards (the highest participant, finding and
 * recommendation numbers ever given, so a deleted one's code is never reused).
 */

export function readMeta(db: Database.Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function allMeta(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM workspace_meta').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO workspace_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteMeta(db: Database.Database, key: string): void {
  db.prepare('DELETE FROM workspace_meta WHERE key = ?').run(key);
}

/**
 * The next number of a counter kept beside a table's own highest: one past
 * whichever is larger (a row written by an older app may be above the counter),
 * `preferred` when that is larger still. Written back at once.
 */
export function nextNumber(db: Database.Database, key: string, highestInTable: number, preferred?: number): number {
  const last = Math.max(Number(readMeta(db, key)) || 0, highestInTable);
  const next = preferred && Number.isSafeInteger(preferred) && preferred > last ? preferred : last + 1;
  writeMeta(db, key, String(next));
  return next;
}
