// Test helpers that leave files the way crashes, copies and failing disks do.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { BETTER_SQLITE3 } from './tempWorkspace';

/**
 * For child processes that write as Fieldnotes does (plain JS, `db` in scope):
 * at open, the log begins with its token (workspace/logToken.ts).
 */
export const START_LOG_JS = `
  db.pragma('wal_autocheckpoint = 0');
  {
    const get = db.prepare("SELECT value FROM workspace_meta WHERE key = 'log_token'").pluck();
    const set = db.prepare("INSERT INTO workspace_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    db.transaction(() => { set.run('log_base', get.get() ?? ''); set.run('log_token', require('node:crypto').randomBytes(16).toString('hex')); })();
  }
`;

/**
 * Hold the workspace in a child process with the connection settings
 * Fieldnotes uses (exclusive lock, WAL, synchronous=FULL), commit `commits`
 * transactions (each one meta row `crash-<tag>-<i>`), then SIGKILL itself
 * before any checkpoint: the commits are left in the `-wal` beside the file.
 */
export function crashAfterCommits(path: string, commits: number, tag = 'x'): void {
  const script = `
    const Database = require(${JSON.stringify(BETTER_SQLITE3)});
    const db = new Database(process.env.CRASH_PATH);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    ${START_LOG_JS}
    const put = db.prepare('INSERT INTO workspace_meta(key, value) VALUES (?, ?)');
    for (let i = 0; i < ${commits}; i++) put.run('crash-${tag}-' + i, 'v'.repeat(200));
    process.kill(process.pid, 'SIGKILL');
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, CRASH_PATH: path } });
  if (run.signal !== 'SIGKILL') throw new Error(`the writer should have been killed: ${run.status} ${run.stderr}`);
}

/** Rows `crashAfterCommits` wrote with `tag`. */
export const crashRows = (db: Database.Database, tag = 'x'): number =>
  db.prepare("SELECT count(*) FROM workspace_meta WHERE key LIKE 'crash-' || ? || '-%'").pluck().get(tag) as number;

// Kept in a module of its own, without tempWorkspace's import.meta, so Playwright specs can load it too.
export { damageIndexOnly } from './indexDamage';
