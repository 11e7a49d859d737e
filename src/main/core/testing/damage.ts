// Test helpers that leave files the way crashes, copies and failing disks do.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Change one byte of an index key on disk, leaving every page well-formed:
 * quick_check passes, integrity_check finds the row missing from the index.
 */
export function damageIndexOnly(path: string, index = 'engagements_by_date', find = '2024-03-01'): void {
  const db = new Database(path, { readonly: true });
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(index) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  if (pages.length === 0) throw new Error(`index ${index} has no leaf pages`);
  const bytes = readFileSync(path);
  const page = pages[Math.floor(pages.length / 2)]!;
  const start = (page - 1) * pageSize;
  const at = bytes.subarray(start, start + pageSize).lastIndexOf(Buffer.from(find));
  if (at < 0) throw new Error(`"${find}" is not on page ${page}`);
  bytes[start + at + 3] = '3'.charCodeAt(0) === bytes[start + at + 3] ? '5'.charCodeAt(0) : '3'.charCodeAt(0);
  writeFileSync(path, bytes);
}
