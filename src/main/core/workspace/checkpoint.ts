import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';

export interface CheckpointTiming {
  /** Checkpoint once nothing has been written for this long. */
  idleMs: number;
  /** How often to look whether anything was written. */
  pollMs: number;
}

export interface LogKeeping {
  /** Runs after each checkpoint, before any other write: the next log's first transaction (logToken.ts). */
  afterCheckpoint?: () => void;
  /**
   * The -wal, to checkpoint without waiting for the idle pause once it reaches `walLimitBytes` (SQLite's own
   * checkpoints are off): at the first poll that saw no write since the one before, or at once past
   * `walHardLimitBytes`. Why not at once (issue 11): a checkpoint blocks the core for 30–200 ms on a large
   * workspace, and taken mid-typing it held up an autosave by as much; someone typing saves every 500 ms.
   */
  walPath?: string;
  walLimitBytes?: number;
  walHardLimitBytes?: number;
}

export const DEFAULT_CHECKPOINT_TIMING: CheckpointTiming = { idleMs: 3000, pollMs: 1000 };

/**
 * Keep the workspace file itself current. In WAL mode a commit lands in the
 * `-wal` beside the file; SQLite folds it back only every ~1,000 pages, so a
 * person who copies the `.fieldnotes` file while Fieldnotes is open (to a USB
 * stick, into a mail) would copy an old version. A few seconds after the last
 * write we checkpoint and truncate the WAL, so the file alone holds every
 * edit. Writes are noticed by polling `total_changes()` (cheap, and no write
 * path has to remember to call us). The timer never keeps a process alive.
 *
 * Returns `stop`, which also does a last checkpoint (on close).
 */
export function keepFileCurrent(
  db: Database.Database,
  timing: CheckpointTiming = DEFAULT_CHECKPOINT_TIMING,
  log: LogKeeping = {},
): () => void {
  const { afterCheckpoint = () => {}, walPath, walLimitBytes = 8 * 1024 * 1024 } = log;
  const walHardLimitBytes = log.walHardLimitBytes ?? 8 * walLimitBytes;
  const walSize = () => {
    try {
      return walPath ? statSync(walPath).size : 0;
    } catch {
      return 0;
    }
  };
  const changes = db.prepare('SELECT total_changes()').pluck();
  let seen = changes.get() as number;
  let dirty = true; // opening may itself have written (migrations, last_opened_at)
  let lastWriteAt = Date.now();
  const checkpoint = () => {
    if (!db.open || db.readonly || db.inTransaction) return false;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      afterCheckpoint();
      seen = changes.get() as number; // the log's first transaction is not an edit
      return true;
    } catch {
      return false; // busy or read-only: try again after the next write
    }
  };
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = changes.get() as number;
    const written = now !== seen;
    if (written) {
      seen = now;
      dirty = true;
      lastWriteAt = Date.now();
    }
    const wal = dirty ? walSize() : 0;
    const due = dirty && (Date.now() - lastWriteAt >= timing.idleMs || (wal >= walLimitBytes && !written) || wal >= walHardLimitBytes);
    if (due && checkpoint()) dirty = false;
  }, timing.pollMs);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    checkpoint();
  };
}
