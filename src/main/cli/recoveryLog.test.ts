// The file is never changed behind the reviewer's back: checking changes no
// byte of the file or its recovery log (-wal), a log that is not the file's own
// or is damaged is refused, and one that belongs is applied and reported.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../shared/rpc/result';
import { keyFromEnvironment } from './passphrase';
import { EXIT, runCli } from './run';
import { crashAfterCommits, crashRows, damageIndexOnly } from '../core/testing/damage';
import { CLI as CLI_ENTRY, makeWorkspace, sha256, tempFolders, TSX, withRawDb } from '../core/testing/tempWorkspace';
import { readWal } from '../core/workspace/wal';
import { inspectWorkspace, openWorkspace } from '../core/workspace/workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** The bytes of the file and of its -wal, and the names in the folder. */
const state = (path: string) => ({
  file: sha256(path),
  wal: existsSync(`${path}-wal`) ? sha256(`${path}-wal`) : null,
  folder: readdirSync(join(path, '..')).sort(),
});

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: { FIELDNOTES_HOME: folders.make() } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function refusal(fn: () => unknown): FieldnotesError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldnotesError);
    return error as FieldnotesError;
  }
  throw new Error('expected a refusal');
}

/** A workspace a crashed Fieldnotes left: 5 commits still in its -wal. */
function crashed(folder: string, name = 'crashed.fieldnotes', tag = 'x'): string {
  const path = join(folder, name);
  makeWorkspace(path, 30);
  crashAfterCommits(path, 5, tag);
  expect(readWal(`${path}-wal`)).toMatchObject({ state: 'readable', commits: expect.any(Number) });
  return path;
}

describe('a recovery log left by a crash', () => {
  it('check and info read it without changing a byte of the file or the log', () => {
    const path = crashed(folders.make());
    const before = state(path);
    const checked = cli(['check', path]);
    expect(checked.code, checked.err).toBe(EXIT.ok);
    expect(checked.out).toContain('integrity_check: ok');
    expect(checked.out).toMatch(/Recovery log: \d+ saved change/);
    expect(state(path)).toEqual(before);
    const info = cli(['info', path, '--json']);
    expect(info.code).toBe(EXIT.ok);
    expect(JSON.parse(info.out)).toMatchObject({ ok: true, counts: { engagements: 30 } });
    expect(state(path)).toEqual(before);
    expect(inspectWorkspace(path).wal).toMatchObject({ state: 'readable', belongs: true });
    expect(state(path)).toEqual(before);
  });

  it('opening applies it after checking it, and says so', () => {
    const path = crashed(folders.make());
    const workspace = openWorkspace(path);
    try {
      expect(workspace.notice).toMatch(/not closed properly last time\. \d+ saved change\(s\) .* checked/);
      expect(crashRows(workspace.db)).toBe(5);
    } finally {
      workspace.close();
    }
    const again = openWorkspace(path);
    expect(again.notice).toBeNull();
    again.close();
  });
});

describe('a recovery log that is not the file\'s own', () => {
  it('another workspace\'s log beside the file is refused, and nothing changes', () => {
    const folder = folders.make();
    const other = crashed(folder, 'other.fieldnotes', 'other');
    const path = join(folder, 'mine.fieldnotes');
    makeWorkspace(path, 3, 'Mine');
    copyFileSync(`${other}-wal`, `${path}-wal`);
    const before = state(path);

    const error = refusal(() => openWorkspace(path));
    expect(error.code).toBe('WAL_MISMATCH');
    expect(error.message).toMatch(/"mine\.fieldnotes-wal"\) does not belong to it.*Nothing has been changed/);
    expect(state(path)).toEqual(before);

    const checked = cli(['check', path, '--json']);
    expect(checked.code).toBe(EXIT.problem);
    expect(JSON.parse(checked.out)).toMatchObject({ ok: false, recoveryLog: { belongs: false } });
    expect(state(path)).toEqual(before);
  });

  it('a stale log beside a backup copied over the file is detected', () => {
    const folder = folders.make();
    const path = join(folder, 'restored.fieldnotes');
    makeWorkspace(path, 200);
    const backup = join(folder, 'backup.fieldnotes');
    copyFileSync(path, backup);
    // Later sessions, then work still in the log when the laptop dies.
    const later = openWorkspace(path);
    later.db.exec('DELETE FROM engagements WHERE rowid % 3 = 0');
    later.close();
    crashAfterCommits(path, 40, 'later');
    copyFileSync(backup, path); // the reviewer restores the backup; the stale -wal stays beside it
    const before = state(path);

    const error = refusal(() => openWorkspace(path));
    expect(['WAL_MISMATCH', 'WAL_DAMAGED']).toContain(error.code);
    expect(state(path)).toEqual(before);
    expect(cli(['check', path]).code).toBe(EXIT.problem);
  });
});

describe('a damaged recovery log', () => {
  it('is reported by check and refused at open, not silently dropped', () => {
    const path = crashed(folders.make());
    const wal = readFileSync(`${path}-wal`);
    const pageSize = wal.readUInt32BE(8);
    wal[32 + 24 + Math.floor(pageSize / 2)]! ^= 0xff; // inside the first frame's page
    writeFileSync(`${path}-wal`, wal);
    const before = state(path);

    const checked = cli(['check', path]);
    expect(checked.code).toBe(EXIT.problem);
    expect(checked.err).toMatch(/recovery log .* is damaged: \d+ saved change\(s\) in it cannot be read/);
    const error = refusal(() => openWorkspace(path));
    expect(error.code).toBe('WAL_DAMAGED');
    expect(state(path)).toEqual(before);
  });
});

describe('files SQLite cannot read', () => {
  it('an unsupported schema-format byte gets a sentence, the right exit code and JSON', () => {
    const path = join(folders.make(), 'format.fieldnotes');
    makeWorkspace(path, 2);
    const bytes = readFileSync(path);
    bytes.writeUInt32BE(9, 44);
    writeFileSync(path, bytes);
    const before = state(path);
    for (const command of ['check', 'info']) {
      const run = cli([command, path, '--json']);
      expect(run.code).toBe(command === 'check' ? EXIT.problem : EXIT.cannotOpen);
      expect(JSON.parse(run.out)).toMatchObject({ ok: false, code: 'NOT_A_WORKSPACE' });
      expect(run.err).toMatch(/schema format 9/);
      expect(run.err).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(refusal(() => openWorkspace(path)).code).toBe('NOT_A_WORKSPACE');
    expect(state(path)).toEqual(before);
  });

  it('index damage that quick_check passes is caught at open, and check prints the findings', () => {
    const path = join(folders.make(), 'index.fieldnotes');
    makeWorkspace(path, 400);
    damageIndexOnly(path);
    withRawDb(path, (db) => expect(db.pragma('quick_check', { simple: true })).toBe('ok'));
    const before = state(path);
    const error = refusal(() => openWorkspace(path));
    expect(error.code).toBe('CORRUPT_WORKSPACE');
    expect(error.message).toMatch(/engagements_by_date/);
    const checked = cli(['check', path]);
    expect(checked.code).toBe(EXIT.problem);
    expect(checked.err).toMatch(/integrity check found damage:\n {2}.*engagements_by_date/);
    expect(state(path)).toEqual(before);
  });
});

describe('fieldnotes backup and restore', () => {
  it('backs up without changing the workspace, lists backups with counts, restores keeping the replaced file', () => {
    const path = join(folders.make(), 'cli.fieldnotes');
    makeWorkspace(path, 2);
    const before = state(path);
    const taken = cli(['backup', path, '--json']);
    expect(taken.code, taken.err).toBe(EXIT.ok);
    const { backup } = JSON.parse(taken.out) as { backup: { path: string } };
    expect(state(path).file).toBe(before.file);
    const listed = cli(['backup', path, '--list']);
    expect(listed.out).toMatch(/by hand\s+2 engagements, 0 participants, 0 notes, 0 themes, 0 passages/);

    // The workspace is damaged later: opening names the newest backup; restore keeps the damaged file aside.
    damageIndexOnly(path);
    expect(refusal(() => openWorkspace(path)).message).toMatch(/Its newest backup is from .*fieldnotes restore/);
    const restored = cli(['restore', path, backup.path]);
    expect(restored.code, restored.err).toBe(EXIT.ok);
    expect(restored.out).toMatch(/kept as .*before-restore-/);
    expect(cli(['check', path]).code).toBe(EXIT.ok);
  });
});

describe('the CLI and an encrypted workspace', () => {
  it('creates and checks one with FIELDNOTES_PASSPHRASE; a wrong one is a sentence, not a stack trace', async () => {
    const path = join(folders.make(), 'enc.fieldnotes');
    const home = folders.make();
    // The real entry once (the passphrase from the environment, through index.ts), the rest in this process with
    // the key the entry derives (keyFromEnvironment): each process through tsx took 3–12 s.
    const spawned = (args: string[], passphrase?: string) =>
      spawnSync(TSX, [CLI_ENTRY, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FIELDNOTES_HOME: home, FIELDNOTES_PASSPHRASE: passphrase ?? '' } });
    const inProcess = async (args: string[], passphrase = '') => {
      const env = { FIELDNOTES_HOME: home, FIELDNOTES_PASSPHRASE: passphrase };
      const out: string[] = [];
      const err: string[] = [];
      const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, key: await keyFromEnvironment(args, env) });
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    };
    expect(spawned(['create', path, '--by', 'Ada Lovelace'], 'a long passphrase').status).toBe(EXIT.ok);
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const checked = await inProcess(['check', path, '--json'], 'a long passphrase');
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, integrity: ['ok'] });
    const wrong = await inProcess(['info', path, '--json'], 'not the passphrase');
    expect(wrong.code).toBe(EXIT.cannotOpen);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE' });
    const none = await inProcess(['info', path]);
    expect(none.stderr).toMatch(/is encrypted .*Enter its passphrase/);
    expect(none.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 120_000); // one CLI process through tsx
});
