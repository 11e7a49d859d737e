import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations';
import { InstallationSettings } from '../core/settings/settings';
import { breakReference, CLI, makeWorkspace, PROJECT_ROOT, snapshot, tempFolders, TSX, withRawDb } from '../core/testing/tempWorkspace';
import { EXIT, HELP, runCli } from './run';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Run the CLI in-process with its own settings folder; collect what it prints. */
function cli(argv: string[], home = folders.make('fieldnotes-home-')) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { FIELDNOTES_HOME: home } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const reviewersIn = (path: string) =>
  withRawDb(path, (db) => db.prepare('SELECT id, name, initials FROM reviewers').all()) as {
    id: string;
    name: string;
    initials: string;
  }[];

describe('fieldnotes usage', () => {
  it('--help prints usage and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const run = cli([flag]);
      expect(run.code).toBe(EXIT.ok);
      expect(run.out).toBe(HELP);
      expect(run.out).toContain('fieldnotes create <file.fieldnotes>');
      expect(run.err).toBe('');
    }
  });

  it('--version prints the app version', () => {
    const run = cli(['--version']);
    expect(run).toEqual({ code: 0, out: APP_VERSION, err: '' });
  });

  it.each([
    [[], /say what to do/],
    [['frobnicate', 'x.fieldnotes'], /unknown command "frobnicate"/],
    [['info'], /"info" needs a workspace file/],
    [['check'], /"check" needs a workspace file/],
    [['create'], /"create" needs a workspace file/],
    [['info', 'a.fieldnotes', 'b.fieldnotes'], /unexpected argument "b.fieldnotes"/],
    [['info', 'a.fieldnotes', '--colour'], /Unknown option '--colour'/],
    [['create', 'a.fieldnotes', '--by'], /argument missing/],
  ])('usage error %j exits 2 with a message', (argv, message) => {
    const run = cli(argv as string[]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toMatch(message);
    expect(run.err).toContain('fieldnotes --help');
    expect(run.out).toBe('');
  });
});

describe('fieldnotes create', () => {
  it('creates a workspace named after the file, recording --by as its creator', () => {
    const path = join(folders.make(), 'Topol review.fieldnotes');
    const run = cli(['create', path, '--by', 'Grace Hopper']);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toBe(`Created workspace "Topol review" at ${path}`);
    expect(reviewersIn(path)).toEqual([{ id: expect.any(String), name: 'Grace Hopper', initials: 'GH' }]);
  });

  it('takes --name and --initials', () => {
    const path = join(folders.make(), 'w.fieldnotes');
    expect(cli(['create', path, '--name', 'Panel evidence', '--by', 'Grace Hopper', '--initials', 'GMH']).code).toBe(0);
    expect(cli(['info', path, '--json']).out).toContain('"name":"Panel evidence"');
    expect(reviewersIn(path)[0]).toMatchObject({ name: 'Grace Hopper', initials: 'GMH' });
  });

  it('uses the reviewer set in the app when there is no --by, and keeps their id with --by', () => {
    const home = folders.make('fieldnotes-home-');
    const stored = new InstallationSettings(home).setReviewer({ name: 'Ada Lovelace', initials: 'AL' });
    const folder = folders.make();
    expect(cli(['create', join(folder, 'a.fieldnotes')], home).code).toBe(0);
    expect(reviewersIn(join(folder, 'a.fieldnotes'))).toEqual([stored]);
    expect(cli(['create', join(folder, 'b.fieldnotes'), '--by', 'Ada King'], home).code).toBe(0);
    expect(reviewersIn(join(folder, 'b.fieldnotes'))).toEqual([{ id: stored.id, name: 'Ada King', initials: 'AK' }]);
  });

  it('with no reviewer and no --by exits 2 and creates nothing', () => {
    const folder = folders.make();
    const run = cli(['create', join(folder, 'w.fieldnotes')]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toMatch(/--by "Your Name"/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses initials longer than 5 characters (exit 2)', () => {
    const folder = folders.make();
    const run = cli(['create', join(folder, 'w.fieldnotes'), '--by', 'A', '--initials', 'ABCDEF']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toMatch(/at most 5/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses to overwrite a file: exit 3, file unchanged', () => {
    const path = join(folders.make(), 'taken.fieldnotes');
    writeFileSync(path, 'precious');
    const before = snapshot(path);
    const run = cli(['create', path, '--by', 'Test']);
    expect(run.code).toBe(EXIT.cannotOpen);
    expect(run.err).toMatch(/already a file called "taken.fieldnotes"/);
    expect(snapshot(path)).toEqual(before);
  });

  it('in a missing folder exits 3', () => {
    const run = cli(['create', join(folders.make(), 'nope', 'w.fieldnotes'), '--by', 'Test']);
    expect(run.code).toBe(EXIT.cannotOpen);
    expect(run.err).toMatch(/does not exist/);
  });
});

describe('fieldnotes info and check', () => {
  it('info describes a workspace, in text and JSON', () => {
    const path = join(folders.make(), 'info.fieldnotes');
    makeWorkspace(path, 4);
    const text = cli(['info', path]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Workspace: +Test review$/m);
    expect(text.out).toMatch(new RegExp(`^Format: +version ${LATEST_SCHEMA_VERSION}$`, 'm'));
    expect(text.out).toMatch(/^Engagements: +4$/m);
    expect(text.out).toMatch(/^Reviewers: +1$/m);
    const json = JSON.parse(cli(['info', path, '--json']).out);
    expect(json).toMatchObject({ path, name: 'Test review', schemaVersion: LATEST_SCHEMA_VERSION, counts: { engagements: 4, reviewers: 1 } });
  });

  it('info on a missing file exits 3', () => {
    const run = cli(['info', join(folders.make(), 'missing.fieldnotes')]);
    expect(run.code).toBe(EXIT.cannotOpen);
    expect(run.err).toMatch(/There is no file at/);
  });

  it('check passes a healthy workspace and changes nothing', () => {
    const path = join(folders.make(), 'ok.fieldnotes');
    makeWorkspace(path, 2);
    const before = snapshot(path);
    const run = cli(['check', path]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toMatch(/^OK: "Test review" passed the integrity check/);
    expect(run.out).toContain('integrity_check: ok');
    expect(JSON.parse(cli(['check', path, '--json']).out)).toMatchObject({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION, foreignKeyProblems: 0, integrity: ['ok'], problems: [] });
    expect(snapshot(path)).toEqual(before);
  });

  it('check on a non-workspace exits 1 with a message, and --json says why', () => {
    const path = join(folders.make(), 'essay.fieldnotes');
    writeFileSync(path, 'not a database');
    const run = cli(['check', path]);
    expect(run.code).toBe(EXIT.problem);
    expect(run.err).toMatch(/"essay.fieldnotes" is not a Fieldnotes workspace/);
    const json = cli(['check', path, '--json']);
    expect(json.code).toBe(EXIT.problem);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, code: 'NOT_A_WORKSPACE' });
  });

  it('check on a missing file exits 3, not 1', () => {
    expect(cli(['check', join(folders.make(), 'missing.fieldnotes')]).code).toBe(EXIT.cannotOpen);
  });

  it('check reports broken references with exit 1', () => {
    const path = join(folders.make(), 'broken.fieldnotes');
    makeWorkspace(path, 1);
    breakReference(path);
    const run = cli(['check', path]);
    expect(run.code).toBe(EXIT.problem);
    expect(run.err).toMatch(/1 broken reference/);
    expect(JSON.parse(cli(['check', path, '--json']).out)).toMatchObject({ ok: false, foreignKeyProblems: 1 });
  });
});

describe('the real command line', () => {
  it('runs as a child process: create, and create again with exit code 3; the workspace it made reads back', () => {
    const home = folders.make('fieldnotes-home-');
    const path = join(folders.make(), 'child.fieldnotes');
    const run = (...args: string[]) =>
      spawnSync(TSX, [CLI, ...args], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, FIELDNOTES_HOME: home },
        timeout: 30_000,
      });
    const created = run('create', path, '--by', 'Katherine Johnson');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toBe(`Created workspace "child" at ${path}\n`);
    // What the child made, read in this process: each process through tsx is 2 s of CPU (over 10 s at load 15).
    const info = cli(['info', path, '--json'], home);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ name: 'child', counts: { engagements: 0, reviewers: 1 } });
    const again = run('create', path, '--by', 'Katherine Johnson');
    expect(again.status).toBe(3);
    expect(again.stderr).toMatch(/^fieldnotes: There is already a file called "child.fieldnotes"/);
    expect(existsSync(join(home, 'settings.json'))).toBe(false);
  });
});
