import Database from 'better-sqlite3';

/** Marks a SQLite file as a Fieldnotes workspace ("FNWS"); other SQLite files are refused. */
export const APPLICATION_ID = 0x464e5753;

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What the first bytes of a file say it is, read before SQLite touches it. */
export function sniffHeader(header: Buffer): 'sqlite' | 'empty' | 'other' {
  if (header.length === 0) return 'empty';
  return header.subarray(0, 16).toString('latin1') === SQLITE_MAGIC ? 'sqlite' : 'other';
}

/**
 * The pragmas every connection needs, on every open. better-sqlite3 reopens a
 * WAL database at synchronous=NORMAL, which can lose the last commits on power
 * loss; we never want that. EXCLUSIVE locking holds the file for this process
 * alone until it closes or dies, so a second instance cannot open it too.
 */
export function applyConnectionPragmas(db: Database.Database): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted means gone: freed pages are zeroed, so a removed participant's name or note
  // cannot be read back from the file's bytes.
  db.pragma('secure_delete = ON');
  // Sorts and temporary indexes stay in memory: a temp file beside an encrypted workspace
  // would hold its contents in plain.
  db.pragma('temp_store = MEMORY');
  // Every log must begin with its token (workspace/logToken.ts), so only we checkpoint.
  db.pragma('wal_autocheckpoint = 0');
}

export function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
