// Hostile conditions, shown by tests: a writer SIGKILLed at random moments
// loses no acknowledged commit and never leaves a damaged file; truncated and
// byte-flipped files each get a sentence and are never modified.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../../shared/rpc/result';
import { START_LOG_JS } from '../testing/damage';
import { seededRandom as random, testSeed } from '../testing/seededRandom';
import { BETTER_SQLITE3, makeWorkspace, sha256, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { inspectWorkspace, openWorkspace } from './workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const SEED = testSeed();
const KILLS = Number(process.env.FIELDNOTES_KILLS ?? 50);

/** Commits engagements one transaction at a time, printing each id once SQLite has acknowledged it. */
const WRITER = `
  const Database = require(${JSON.stringify(BETTER_SQLITE3)});
  const db = new Database(process.env.WORKSPACE);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const startLog = () => { ${START_LOG_JS} };
  startLog();
  const start = db.prepare('SELECT count(*) FROM engagements').pluck().get();
  const put = db.prepare("INSERT INTO engagements(id, title, type, date, created_at, created_by) VALUES (?, ?, 'workshop', '2024-03-01', '2024-03-01T00:00:00Z', '${TEST_REVIEWER.id}')");
  for (let n = start; ; n++) {
    db.transaction(() => put.run('e-' + n, 'Engagement ' + n + ' ' + 'x'.repeat(n % 700)))();
    process.stdout.write(n + '\\n');
    if (n % 25 === 0) { db.pragma('wal_checkpoint(TRUNCATE)'); startLog(); } // as keepFileCurrent does
  }
`;

function killRound(path: string, afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', WRITER], { env: { ...process.env, WORKSPACE: path }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs); // from the first commit on
    });
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself: ${err}`));
      const acked = out.split('\n').filter((l) => /^\d+$/.test(l)).map(Number);
      resolve(acked.length ? acked[acked.length - 1]! : -1);
    });
  });
}

describe('a writer killed at random moments', () => {
  it(`loses no acknowledged commit and never damages the file (${KILLS} kills)`, async () => {
    const path = join(folders.make(), 'killed.fieldnotes');
    makeWorkspace(path, 0);
    const next = random(SEED);
    let previous = 0;
    let walsRecovered = 0;
    let acknowledged = 0;
    for (let round = 0; round < KILLS; round++) {
      const lastAck = await killRound(path, 5 + Math.floor(next() * 60));
      const w = openWorkspace(path); // checks the log, the full integrity check, then holds it
      try {
        if (w.notice) walsRecovered++;
        const count = w.db.prepare('SELECT count(*) FROM engagements').pluck().get() as number;
        const ids = new Set(w.db.prepare('SELECT id FROM engagements').pluck().all() as string[]);
        for (let n = 0; n <= lastAck; n++) expect(ids.has(`e-${n}`), `round ${round} (seed ${SEED}): e-${n} was acknowledged`).toBe(true);
        expect(count, `round ${round} (seed ${SEED}): the stored rows grew`).toBeGreaterThan(previous);
        expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(w.db.pragma('foreign_key_check')).toEqual([]);
        acknowledged += lastAck + 1 - previous;
        previous = count;
      } finally {
        w.close();
      }
    }
    console.log(
      `kill test (seed ${SEED}; FIELDNOTES_SEED=${SEED} replays it): ${KILLS} SIGKILLs, ${previous} commits stored, ${acknowledged} acknowledged before a kill and all present, ` +
        `${walsRecovered} opens applied a checked recovery log, integrity and foreign keys ok every time`,
    );
  }, 120_000);
});

describe('truncated and byte-flipped files', () => {
  it('each gets a sentence naming the file and is never modified; the outcomes are printed', () => {
    const folder = folders.make();
    const source = join(folder, 'source.fieldnotes');
    makeWorkspace(source, 400);
    const original = readFileSync(source);
    const next = random(SEED + 1);
    const rows: string[] = [];
    const outcomes = new Map<string, number>();
    const messages = new Map<string, string>();
    for (let i = 0; i < 24; i++) {
      const path = join(folder, `damaged-${i}.fieldnotes`);
      copyFileSync(source, path);
      let what: string;
      if (i < 8) {
        const at = Math.floor(next() * original.length);
        truncateSync(path, at);
        what = `truncated at ${at} of ${original.length}`;
      } else {
        const bytes = readFileSync(path);
        const at: number[] = [];
        for (let k = 0; k < 8; k++) {
          const p = i < 16 ? Math.floor(next() * bytes.length) : 100 + Math.floor(next() * 4000); // the last 8 hit page 1
          bytes[p] = bytes[p]! ^ (1 + Math.floor(next() * 255));
          at.push(p);
        }
        writeFileSync(path, bytes);
        what = `8 bytes flipped (${i < 16 ? 'anywhere' : 'in page 1'})`;
      }
      const before = sha256(path);
      let outcome: string;
      try {
        const inspection = inspectWorkspace(path);
        outcome = inspection.integrity[0] === 'ok' ? 'check: ok' : `check: damaged (${inspection.integrity.length} finding(s))`;
      } catch (error) {
        expect(error, `${what}: a typed refusal, not a crash`).toBeInstanceOf(FieldnotesError);
        expect((error as Error).message).toContain(basename(path));
        outcome = `check: ${(error as FieldnotesError).code}`;
      }
      let open: string;
      try {
        openWorkspace(path).close();
        open = 'opened';
        expect(outcome, `${what}: opened only if check found it sound`).toBe('check: ok');
      } catch (error) {
        expect(error, `${what}: a typed refusal, not a crash`).toBeInstanceOf(FieldnotesError);
        expect((error as Error).message).toContain(basename(path));
        open = `open: ${(error as FieldnotesError).code}`;
        if (!messages.has(open)) messages.set(open, (error as Error).message);
        expect(sha256(path), `${what}: refused, and not modified`).toBe(before);
      }
      const key = `${outcome} / ${open}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      rows.push(`| ${what.padEnd(40)} | ${outcome.padEnd(36)} | ${open.padEnd(26)} |`);
    }
    console.log(
      `damaged-file outcomes (seed ${SEED + 1}; every refused file's sha256 unchanged):\n| damage | fieldnotes check | open |\n|---|---|---|\n${rows.join('\n')}\n` +
        `${[...outcomes].map(([k, n]) => `${n} × ${k}`).join('\n')}\n${[...messages].map(([k, m]) => `${k} says: "${m}"`).join('\n')}`,
    );
  }, 120_000);
});
