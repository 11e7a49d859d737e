// Hostile conditions, shown by tests: a writer SIGKILLed at chosen moments
// loses no acknowledged commit and never leaves a damaged file; truncated and
// byte-flipped files each get a sentence and are never modified.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../../shared/rpc/result';
import { START_LOG_JS } from '../testing/damage';
import { seededRandom as random, testSeed } from '../testing/seededRandom';
import { BETTER_SQLITE3, makeWorkspace, sha256, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { readWal } from './wal';
import { inspectWorkspace, openWorkspace } from './workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const SEED = testSeed();

/**
 * Where a kill lands, chosen rather than left to chance: 50 kills at random moments (the test before) landed in
 * an ordinary commit 43 times, in the checkpoint 4, in the new log's first transaction 2 and in the middle of a
 * transaction's frames once. Here each round aims at one moment: `after` the writer announces it, with a random
 * delay of up to 2 ms (none for the new log's first transaction, which is over in a millisecond), so the kill
 * still falls somewhere inside it; each moment twice by default. `random` keeps the old kind of round.
 */
const MOMENTS = ['commit', 'checkpoint', 'newLog', 'bigTransaction', 'random'] as const;
type Moment = (typeof MOMENTS)[number];
const KILLS = Number(process.env.FIELDNOTES_KILLS ?? 2 * MOMENTS.length);

/**
 * Commits engagements one transaction at a time, printing the last id of each once SQLite has acknowledged it,
 * and a word before each moment a kill may aim at. Every 25th transaction is followed by a checkpoint and a
 * new log, as keepFileCurrent does; transaction 12 of each 25 writes 100 rows through a small page cache, so its
 * frames reach the log over several milliseconds before its commit frame (a kill there leaves a torn log).
 */
const WRITER = `
  const Database = require(${JSON.stringify(BETTER_SQLITE3)});
  const db = new Database(process.env.WORKSPACE);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = 16');
  const startLog = () => { ${START_LOG_JS} };
  startLog();
  const say = (word) => process.stdout.write(word + '\\n');
  const put = db.prepare("INSERT INTO engagements(id, title, type, date, created_at, created_by) VALUES (?, ?, 'workshop', '2024-03-01', '2024-03-01T00:00:00Z', '${TEST_REVIEWER.id}')");
  let n = db.prepare('SELECT count(*) FROM engagements').pluck().get();
  for (let t = 1; ; t++) {
    const rows = t % 25 === 12 ? 100 : 1;
    say(rows > 1 ? 'bigTransaction' : 'commit');
    db.transaction(() => { for (let i = 0; i < rows; i++, n++) put.run('e-' + n, 'Engagement ' + n + ' ' + 'x'.repeat(n % 700)); })();
    say(n - 1);
    if (t % 25 === 0) {
      say('checkpoint');
      db.pragma('wal_checkpoint(TRUNCATE)');
      say('newLog');
      startLog();
    }
  }
`;

/** One writer, killed at `moment`: the last id it had acknowledged, and the last word it said before dying. */
function killRound(path: string, moment: Moment, next: () => number): Promise<{ lastAck: number; lastSaid: string }> {
  const delay = () => Math.floor(next() * 3);
  // A commit: the n-th one after the writer starts, so the kill lands in a log of a few or many frames.
  const nthCommit = 1 + Math.floor(next() * 20);
  const randomMs = 5 + Math.floor(next() * 60);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', WRITER], { env: { ...process.env, WORKSPACE: path }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines: string[] = [];
    let pending = '';
    let err = '';
    let commits = 0;
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    const killIn = (ms: number) => {
      if (killed) return;
      killed = true;
      if (ms === 0) child.kill('SIGKILL'); // at once: a new log's first transaction is over in a millisecond
      else timer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    child.stdout.on('data', (chunk) => {
      const said = (pending + String(chunk)).split('\n');
      pending = said.pop()!;
      lines = lines.concat(said);
      for (const word of said) {
        if (word === 'commit') commits++;
        if (moment === 'random') killIn(randomMs); // from the first word on, as before
        else if (moment === 'commit' ? word === 'commit' && commits === nthCommit : word === moment) killIn(moment === 'newLog' ? 0 : delay());
      }
    });
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself: ${err}`));
      const acked = lines.filter((l) => /^\d+$/.test(l)).map(Number);
      resolve({ lastAck: acked.length ? acked[acked.length - 1]! : -1, lastSaid: lines.filter((l) => !/^\d+$/.test(l)).at(-1) ?? '' });
    });
  });
}

/** What the kill left for the next open to read: no log, a log of whole transactions, or one ending in a torn one. */
function logLeft(path: string): string {
  const wal = `${path}-wal`;
  const size = existsSync(wal) ? statSync(wal).size : 0;
  if (size === 0) return 'no log';
  const { pageSize, committedFrames } = readWal(wal);
  return size > 32 + committedFrames * (24 + pageSize) ? 'a torn transaction at its end' : 'whole transactions';
}

describe('a writer killed at chosen moments', () => {
  it(`loses no acknowledged commit and never damages the file (${KILLS} kills: in a commit, the checkpoint, a new log's first transaction, a big transaction's frames, at random)`, async () => {
    const path = join(folders.make(), 'killed.fieldnotes');
    makeWorkspace(path, 0);
    const next = random(SEED);
    let previous = 0;
    let walsRecovered = 0;
    let acknowledged = 0;
    const landed = new Map<string, number>();
    for (let round = 0; round < KILLS; round++) {
      const moment = MOMENTS[round % MOMENTS.length]!;
      const { lastAck, lastSaid } = await killRound(path, moment, next);
      const where = `${moment} → killed after "${lastSaid}", left ${logLeft(path)}`;
      landed.set(where, (landed.get(where) ?? 0) + 1);
      const w = openWorkspace(path); // checks the log, the full integrity check, then holds it
      try {
        if (w.notice) walsRecovered++;
        const count = w.db.prepare('SELECT count(*) FROM engagements').pluck().get() as number;
        const ids = new Set(w.db.prepare('SELECT id FROM engagements').pluck().all() as string[]);
        for (let n = 0; n <= lastAck; n++) expect(ids.has(`e-${n}`), `round ${round}, ${where} (seed ${SEED}): e-${n} was acknowledged`).toBe(true);
        // A kill may land before the round's first commit (under load, 0–2 ms after the word "commit" can be
        // before SQLite finishes it): then nothing new is stored, and nothing new was acknowledged either. What
        // must hold is that the file never goes back, and holds at most the one unacknowledged transaction.
        expect(count, `round ${round}, ${where} (seed ${SEED}): the stored rows went back`).toBeGreaterThanOrEqual(previous);
        expect(count, `round ${round}, ${where} (seed ${SEED}): more than one transaction beyond the last acknowledged`).toBeLessThanOrEqual(
          Math.max(previous, lastAck + 1) + 100,
        );
        expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(w.db.pragma('foreign_key_check')).toEqual([]);
        acknowledged += Math.max(0, lastAck + 1 - previous); // a round killed before its first commit acknowledged none
        previous = count;
      } finally {
        w.close();
      }
    }
    // The rounds as a whole must have stored something, or the kills proved nothing.
    expect(acknowledged, `no round acknowledged a commit before its kill (seed ${SEED})`).toBeGreaterThan(0);
    console.log(
      `kill test (seed ${SEED}; FIELDNOTES_SEED=${SEED} replays it, FIELDNOTES_KILLS=N for more): ${KILLS} SIGKILLs, ${previous} commits stored, ` +
        `${acknowledged} acknowledged before a kill and all present, ${walsRecovered} opens applied a checked recovery log, integrity and foreign keys ok every time. ` +
        `Where they landed: ${JSON.stringify(Object.fromEntries([...landed].sort()), null, 1)}`,
    );
  }, 120_000);
});

describe('truncated and byte-flipped files', () => {
  it('a table definition damaged inside the file is a damaged file, refused with a sentence and never modified', () => {
    // A flipped byte in a full-text index's tokenizer, as the byte-flip rounds below once hit: SQLite cannot parse
    // the schema, and its integrity check throws instead of reporting.
    const path = join(folders.make(), 'schema.fieldnotes');
    makeWorkspace(path, 10);
    const bytes = readFileSync(path);
    const tokenizer = Buffer.from("remove_diacritics 2'");
    const at = bytes.indexOf(tokenizer);
    expect(at, 'the workspace has a full-text index to damage').toBeGreaterThan(0);
    // The newline after the tokenizer's closing quote becomes a byte above 0x7f, which SQLite reads as part of a
    // word: the record keeps its length and the SQL still parses, but the index's own options no longer do.
    expect(bytes[at + tokenizer.length], 'a newline follows the tokenizer').toBe(0x0a);
    bytes[at + tokenizer.length] = 0xbf;
    writeFileSync(path, bytes);
    const before = sha256(path);
    const inspection = inspectWorkspace(path);
    expect(inspection.integrity[0]).toMatch(/^its table definitions cannot be read: /);
    expect(() => openWorkspace(path).close()).toThrow(FieldnotesError);
    expect(() => openWorkspace(path).close()).toThrow(/schema\.fieldnotes" is damaged/);
    expect(sha256(path)).toBe(before);
  });

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
