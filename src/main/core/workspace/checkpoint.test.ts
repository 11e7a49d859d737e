import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngagement } from '../services/engagements';
import { makeWorkspace, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { keepFileCurrent } from './checkpoint';
import { readWal } from './wal';
import { openWorkspace, type Workspace } from './workspace';

const folders = tempFolders();
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
  folders.cleanup();
});

/** What someone copying only the .fieldnotes file (not its -wal) would take away. */
function engagementsInCopyOf(path: string): number {
  const copy = join(folders.make(), 'copy.fieldnotes');
  copyFileSync(path, copy);
  const db = new Database(copy);
  try {
    return db.prepare('SELECT count(*) FROM engagements').pluck().get() as number;
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the workspace file is current soon after the last write', () => {
  it('a copy of the file alone holds an edit made a moment ago, while the workspace stays open', async () => {
    const path = join(folders.make(), 'w.fieldnotes');
    makeWorkspace(path);
    const workspace = openWorkspace(path, { checkpoint: { idleMs: 150, pollMs: 50 } });
    open.push(workspace);
    createEngagement(workspace.db, { title: 'Site visit', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0); // the edit sits in the WAL for now

    await sleep(600);
    expect(engagementsInCopyOf(path)).toBe(1);
    // All the log holds now is the transaction every log begins with (logToken.ts), no edit.
    expect(readWal(`${path}-wal`).commits).toBe(1);
  });

  it('waits for a pause: no checkpoint while writes keep coming', async () => {
    const path = join(folders.make(), 'w.fieldnotes');
    makeWorkspace(path);
    const workspace = openWorkspace(path, { checkpoint: { idleMs: 400, pollMs: 20 } });
    open.push(workspace);
    await sleep(600); // the open's own write is folded in
    for (let i = 0; i < 5; i++) {
      createEngagement(workspace.db, { title: `Visit ${i}`, type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
      await sleep(100);
    }
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await sleep(700);
    expect(engagementsInCopyOf(path)).toBe(5);
  });

  it('a -wal past its limit waits for a poll with no write, unless past the hard limit (issue 11: not mid-typing)', async () => {
    const path = join(folders.make(), 'w.fieldnotes');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x)');
    const run = async (hardLimit: number) => {
      let checkpoints = 0;
      const stop = keepFileCurrent(
        db,
        { idleMs: 60_000, pollMs: 40 },
        { afterCheckpoint: () => void checkpoints++, walPath: `${path}-wal`, walLimitBytes: 1, walHardLimitBytes: hardLimit },
      );
      // A write at every turn of the event loop for 300 ms, so each poll sees one (as autosaves every 500 ms and a
      // poll every 1,000 do), the -wal past its limit throughout.
      for (const until = Date.now() + 300; Date.now() < until; ) {
        db.prepare('INSERT INTO t VALUES (1)').run();
        await new Promise((r) => setImmediate(r));
      }
      const whileWriting = checkpoints;
      await sleep(200);
      stop();
      return { whileWriting, afterPause: checkpoints };
    };
    try {
      const soft = await run(Number.MAX_SAFE_INTEGER);
      expect(soft.whileWriting).toBe(0);
      expect(soft.afterPause).toBeGreaterThan(0);
      expect((await run(1)).whileWriting).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('on close the file holds everything and no -wal is left', () => {
    const path = join(folders.make(), 'w.fieldnotes');
    makeWorkspace(path);
    const workspace = openWorkspace(path);
    createEngagement(workspace.db, { title: 'Site visit', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
    workspace.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(engagementsInCopyOf(path)).toBe(1);
  });
});
