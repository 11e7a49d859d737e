// Every file a reviewer might point Fieldnotes at by mistake: each is refused
// with a typed reason, and none is changed by the attempt.
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError, type ErrorCode } from '../../../shared/rpc/result';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { makeWorkspace, snapshot, tempFolders, withRawDb } from '../testing/tempWorkspace';
import { inspectWorkspace, openWorkspace } from './workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Both ways in (open for work, inspect for the CLI) must refuse with one of `codes` and change nothing. */
function expectRefusedUnchanged(path: string, codes: ErrorCode[]): FieldnotesError[] {
  const before = snapshot(path);
  const errors: FieldnotesError[] = [];
  const inspect = () => {
    // Inspecting reports damage rather than refusing: its findings count as the refusal.
    const inspection = inspectWorkspace(path);
    if (inspection.integrity[0] !== 'ok') throw new FieldnotesError('CORRUPT_WORKSPACE', `"${basename(path)}" is damaged: ${inspection.integrity[0]}`);
  };
  for (const attempt of [() => openWorkspace(path).close(), inspect]) {
    let caught: unknown;
    try {
      attempt();
    } catch (error) {
      caught = error;
    }
    expect(caught, `${basename(path)} should have been refused`).toBeInstanceOf(FieldnotesError);
    const error = caught as FieldnotesError;
    expect(codes).toContain(error.code);
    expect(error.message).toContain(basename(path));
    errors.push(error);
    // Same bytes, and no -wal / -shm / journal left beside it to change its meaning.
    expect(snapshot(path)).toEqual(before);
  }
  return errors;
}

/** A closed workspace big enough to span many pages. */
function bigWorkspace(folder: string): string {
  const path = join(folder, 'source.fieldnotes');
  makeWorkspace(path, 400);
  return path;
}

describe('files that are not workspaces', () => {
  it('refuses a text file renamed .fieldnotes', () => {
    const path = join(folders.make(), 'notes.fieldnotes');
    writeFileSync(path, 'Minutes of the panel meeting, 12 July.\n'.repeat(200));
    const [error] = expectRefusedUnchanged(path, ['NOT_A_WORKSPACE']);
    expect(error!.message).toMatch(/not a Fieldnotes workspace/);
  });

  it('refuses a short binary file', () => {
    const path = join(folders.make(), 'short.fieldnotes');
    writeFileSync(path, Buffer.from([0x53, 0x51, 0x4c]));
    expectRefusedUnchanged(path, ['NOT_A_WORKSPACE']);
  });

  it('refuses an empty file', () => {
    const path = join(folders.make(), 'empty.fieldnotes');
    writeFileSync(path, '');
    const [error] = expectRefusedUnchanged(path, ['NOT_A_WORKSPACE']);
    expect(error!.message).toMatch(/empty/);
    expect(statSync(path).size).toBe(0);
  });

  it('refuses a SQLite file that only has the magic header', () => {
    const path = join(folders.make(), 'header-only.fieldnotes');
    writeFileSync(path, 'SQLite format 3\0');
    expectRefusedUnchanged(path, ['CORRUPT_WORKSPACE', 'NOT_A_WORKSPACE']);
  });

  it.each(['delete', 'wal'])('refuses another program\'s SQLite database (journal_mode=%s)', (journal) => {
    const path = join(folders.make(), 'other-app.fieldnotes');
    withRawDb(path, (db) => {
      db.pragma(`journal_mode = ${journal}`);
      db.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts(owner) VALUES ('someone')");
    });
    const [error] = expectRefusedUnchanged(path, ['NOT_A_WORKSPACE']);
    expect(error!.message).toMatch(/database, but not a Fieldnotes workspace/);
    withRawDb(path, (db) => {
      expect(db.prepare('SELECT owner FROM accounts').pluck().all()).toEqual(['someone']);
      expect(db.pragma('application_id', { simple: true })).toBe(0);
    });
  });
});

describe('damaged workspaces', () => {
  it('refuses a workspace truncated to half its size', () => {
    const folder = folders.make();
    const source = bigWorkspace(folder);
    const path = join(folder, 'truncated.fieldnotes');
    copyFileSync(source, path);
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(20 * 4096);
    truncateSync(path, Math.floor(size / 2));
    expectRefusedUnchanged(path, ['CORRUPT_WORKSPACE', 'NOT_A_WORKSPACE']);
  });

  it('refuses a workspace with garbage written over a middle page', () => {
    const folder = folders.make();
    const source = bigWorkspace(folder);
    const path = join(folder, 'scribbled.fieldnotes');
    const bytes = readFileSync(source);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    expect(pages).toBeGreaterThan(20);
    const start = Math.floor(pages / 2) * pageSize;
    for (let i = 0; i < pageSize; i++) bytes[start + i] = (i * 131 + 7) & 0xff;
    writeFileSync(path, bytes);
    const [error] = expectRefusedUnchanged(path, ['CORRUPT_WORKSPACE']);
    expect(error!.message).toMatch(/damaged/);
  });

  it('still opens the undamaged original (the damage tests are not vacuous)', () => {
    const source = bigWorkspace(folders.make());
    expect(inspectWorkspace(source).counts.engagements).toBe(400);
  });
});

describe('workspaces from a newer Fieldnotes', () => {
  it('refuses them with NEWER_VERSION and leaves them untouched', () => {
    const path = join(folders.make(), 'future.fieldnotes');
    makeWorkspace(path, 3);
    withRawDb(path, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    const [error] = expectRefusedUnchanged(path, ['NEWER_VERSION']);
    expect(error!.message).toContain(`format ${LATEST_SCHEMA_VERSION + 1}`);
    withRawDb(path, (db) => expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1));
  });
});
