import { spawn } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../../shared/rpc/result';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { APPLICATION_ID } from '../db/sqlite';
import { createEngagement } from '../services/engagements';
import { START_LOG_JS } from '../testing/damage';
import { BETTER_SQLITE3, breakReference, makeWorkspace, sha256, snapshot, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { createWorkspace, inspectWorkspace, openWorkspace, type Workspace } from './workspace';

const folders = tempFolders();
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
  folders.cleanup();
});

const track = (w: Workspace) => (open.push(w), w);
const engagementCount = (w: Workspace) => w.db.prepare('SELECT count(*) FROM engagements').pluck().get();

/** Run `fn`, expecting a FieldnotesError with `code`; return it. */
function refusal(fn: () => unknown, code: string): FieldnotesError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldnotesError);
    expect((error as FieldnotesError).code).toBe(code);
    return error as FieldnotesError;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}

describe('createWorkspace and openWorkspace', () => {
  it('creates a workspace that opens again with the same facts', () => {
    const path = join(folders.make(), 'Topol review.fieldnotes');
    const created = track(createWorkspace(path, { name: 'Topol review', createdBy: TEST_REVIEWER }));
    const first = created.info();
    expect(first).toMatchObject({ path, name: 'Topol review', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    created.close();

    const reopened = track(openWorkspace(path));
    expect(reopened.info()).toEqual(first);
    const reviewers = reopened.db.prepare('SELECT id, name, initials FROM reviewers').all();
    expect(reviewers).toEqual([TEST_REVIEWER]);
    const createdBy = reopened.db.prepare("SELECT value FROM workspace_meta WHERE key = 'created_by'").pluck().get();
    expect(createdBy).toBe(TEST_REVIEWER.id);
  });

  it('sets WAL, synchronous=FULL and foreign keys on every opened connection', () => {
    const path = join(folders.make(), 'w.fieldnotes');
    const expectPragmas = (db: Workspace['db']) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    };
    const created = track(createWorkspace(path, { name: 'W', createdBy: TEST_REVIEWER }));
    expectPragmas(created.db);
    created.close();
    expectPragmas(track(openWorkspace(path)).db);
  });

  it('enforces foreign keys: an engagement by an unknown reviewer is refused', () => {
    const path = join(folders.make(), 'fk.fieldnotes');
    const workspace = track(createWorkspace(path, { name: 'FK', createdBy: TEST_REVIEWER }));
    expect(() =>
      createEngagement(workspace.db, { title: 'Orphan', type: 'interview', date: '2024-01-02' }, 'nobody-here'),
    ).toThrow(/FOREIGN KEY/);
    expect(engagementCount(workspace)).toBe(0);
  });

  it('keeps committed rows across close and reopen', () => {
    const path = join(folders.make(), 'rows.fieldnotes');
    makeWorkspace(path, 25);
    const workspace = track(openWorkspace(path));
    expect(engagementCount(workspace)).toBe(25);
  });

  it('leaves no temporary or -wal files beside a closed workspace', () => {
    const folder = folders.make();
    makeWorkspace(join(folder, 'clean.fieldnotes'), 3);
    expect(readdirSync(folder)).toEqual(['clean.fieldnotes']);
  });

  it('refuses to overwrite an existing file, which stays byte-identical', () => {
    const folder = folders.make();
    const path = join(folder, 'taken.fieldnotes');
    writeFileSync(path, 'my thesis, not a workspace');
    const before = snapshot(path);
    const error = refusal(() => createWorkspace(path, { name: 'X', createdBy: TEST_REVIEWER }), 'FILE_EXISTS');
    expect(error.message).toContain('taken.fieldnotes');
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses to overwrite an existing workspace', () => {
    const path = join(folders.make(), 'existing.fieldnotes');
    makeWorkspace(path, 2);
    const before = snapshot(path);
    refusal(() => createWorkspace(path, { name: 'Again', createdBy: TEST_REVIEWER }), 'FILE_EXISTS');
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a folder that does not exist (NOT_FOUND) and creates nothing', () => {
    const base = folders.make();
    const path = join(base, 'missing', 'w.fieldnotes');
    refusal(() => createWorkspace(path, { name: 'X', createdBy: TEST_REVIEWER }), 'NOT_FOUND');
    expect(existsSync(join(base, 'missing'))).toBe(false);
  });

  it('refuses to open a path where there is nothing (NOT_FOUND)', () => {
    const error = refusal(() => openWorkspace(join(folders.make(), 'gone.fieldnotes')), 'NOT_FOUND');
    expect(error.message).toContain('gone.fieldnotes');
  });

  it('refuses to open a folder as a workspace', () => {
    refusal(() => openWorkspace(folders.make()), 'NOT_A_WORKSPACE');
  });
});

describe('a workspace is held by one window', () => {
  it('refuses a second open in this process, and allows it after close', () => {
    const path = join(folders.make(), 'once.fieldnotes');
    makeWorkspace(path);
    const first = track(openWorkspace(path));
    const error = refusal(() => openWorkspace(path), 'ALREADY_OPEN');
    // Refused by the in-process check, before SQLite's lock would say "window or program".
    expect(error.message).toMatch(/"once\.fieldnotes" is already open in another Fieldnotes window\. Switch/);
    first.close();
    expect(track(openWorkspace(path)).info().name).toBe('Test review');
  });

  it('recognises the same file behind a symlink', () => {
    const folder = folders.make();
    const path = join(folder, 'real.fieldnotes');
    makeWorkspace(path);
    symlinkSync(path, join(folder, 'alias.fieldnotes'));
    track(openWorkspace(path));
    refusal(() => openWorkspace(join(folder, 'alias.fieldnotes')), 'ALREADY_OPEN');
  });

  it('refuses to inspect a workspace that is open for work', () => {
    const path = join(folders.make(), 'busy.fieldnotes');
    makeWorkspace(path);
    track(openWorkspace(path));
    refusal(() => inspectWorkspace(path), 'ALREADY_OPEN');
  });

  it('refuses a workspace another process holds, and opens it once that process dies', async () => {
    const path = join(folders.make(), 'shared.fieldnotes');
    makeWorkspace(path, 1);
    const script = `
      const Database = require(${JSON.stringify(BETTER_SQLITE3)});
      const db = new Database(process.argv[1]);
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      ${START_LOG_JS}
      db.prepare("INSERT INTO workspace_meta(key, value) VALUES ('written_by_child', 'yes')").run();
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['-e', script, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += String(chunk);
          if (output.includes('ready')) resolve();
        });
        child.stderr.on('data', (chunk) => reject(new Error(String(chunk))));
        child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
      });
      const error = refusal(() => openWorkspace(path), 'ALREADY_OPEN');
      expect(error.message).toContain('shared.fieldnotes');
      refusal(() => inspectWorkspace(path), 'ALREADY_OPEN');
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    // The killed process's committed row survives in its WAL and is recovered.
    const workspace = track(openWorkspace(path));
    const value = workspace.db.prepare("SELECT value FROM workspace_meta WHERE key = 'written_by_child'").pluck().get();
    expect(value).toBe('yes');
    expect(engagementCount(workspace)).toBe(1);
  });
});

describe('inspectWorkspace', () => {
  it('reports counts and changes nothing', () => {
    const path = join(folders.make(), 'inspect.fieldnotes');
    makeWorkspace(path, 7);
    const before = snapshot(path);
    const inspection = inspectWorkspace(path);
    expect(inspection.info).toMatchObject({ path, name: 'Test review', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(inspection.counts).toMatchObject({ engagements: 7, reviewers: 1, notes: 0 });
    expect(inspection.foreignKeyProblems).toBe(0);
    expect(snapshot(path)).toEqual(before);
  });

  it('counts broken references that foreign keys would have prevented', () => {
    const path = join(folders.make(), 'broken.fieldnotes');
    makeWorkspace(path, 1);
    breakReference(path);
    expect(inspectWorkspace(path).foreignKeyProblems).toBe(1);
  });

  it('does not record an opening, unlike openWorkspace', () => {
    const path = join(folders.make(), 'quiet.fieldnotes');
    makeWorkspace(path);
    const before = sha256(path);
    inspectWorkspace(path);
    expect(sha256(path)).toBe(before);
    openWorkspace(path).close();
    expect(sha256(path)).not.toBe(before);
  });
});
