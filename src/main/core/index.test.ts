// The whole slice through the one door every host uses: createCore().invoke.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/rpc/result';
import { methodNames } from '../../shared/contract/methods';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createHandlers } from './handlers';
import { createCore, type Core } from './index';
import { Session } from './session';
import { InstallationSettings } from './settings/settings';
import { makeOldWorkspace, makeVersion0Workspace, makeWorkspace, snapshot, TEST_REVIEWER, tempFolders, withRawDb } from './testing/tempWorkspace';
import { testCore } from './testing/coreFiles';
import { inspectWorkspace } from './workspace/workspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

function newCore(settingsFolder = folders.make('fieldnotes-settings-'), logged: unknown[] = []) {
  return testCore(folders, cores, { settingsFolder, log: (message, detail) => logged.push([message, detail]) });
}

/** Call and expect success; return the value. */
async function value<T = unknown>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Call and expect a failure with `code`; return the message. */
async function failure(core: Core, method: string, input: unknown, code: string): Promise<string> {
  const result: Result<unknown> = await core.invoke(method, input);
  expect(result.ok, `${method} should have failed with ${code}`).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  return result.error.message;
}

const engagement = { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-07-12' };

describe('the core answers the whole contract', () => {
  it('has a handler for every method the contract declares', () => {
    const folder = folders.make();
    const handlers = createHandlers(
      { settingsFolder: folder, defaultFolder: folder, host: 'loopback', version: 'x' },
      new InstallationSettings(folder),
      new Session(),
    ) as Record<string, unknown>;
    const missing = methodNames.filter((m) => typeof handlers[m] !== 'function');
    expect(missing, 'contract methods with no handler').toEqual([]);
  });
});

describe('createCore: the first slice', () => {
  it('reviewer → workspace → engagement → close → open again: the engagement is still there', async () => {
    const settings = folders.make('fieldnotes-settings-');
    const core = newCore(settings);
    const path = join(folders.make(), 'Topol review.fieldnotes');

    const reviewer = await value<{ id: string; name: string }>(core, 'reviewer.set', { name: ' Ada Lovelace ', initials: 'AL' });
    expect(reviewer).toMatchObject({ name: 'Ada Lovelace', initials: 'AL' });
    const info = await value(core, 'workspace.create', { path, name: 'Topol review' });
    expect(info).toMatchObject({ path, name: 'Topol review', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(await value(core, 'workspace.current')).toEqual(info);

    const created = await value<{ id: string; createdBy: string }>(core, 'engagements.create', engagement);
    expect(created).toMatchObject({ ...engagement, createdBy: reviewer.id });
    expect(await value(core, 'engagements.list')).toEqual([created]);

    expect(await value(core, 'workspace.close')).toBeNull();
    expect(await value(core, 'workspace.current')).toBeNull();
    await failure(core, 'engagements.list', {}, 'NO_WORKSPACE');

    await value(core, 'workspace.open', { path });
    expect(await value(core, 'engagements.list')).toEqual([created]);
    core.close();

    // A new core on the same settings (an app restart) knows the reviewer and finds the engagement.
    const restarted = newCore(settings);
    expect(await value(restarted, 'reviewer.get')).toEqual(reviewer);
    await value(restarted, 'workspace.open', { path });
    const [again] = await value<{ createdBy: string }[]>(restarted, 'engagements.list');
    expect(again).toEqual(created);
    expect(again!.createdBy).toBe(reviewer.id);
  });

  it('records the reviewer in the workspace when they rename themselves', async () => {
    const core = newCore();
    const path = join(folders.make(), 'w.fieldnotes');
    await value(core, 'reviewer.set', { name: 'Ada', initials: 'A' });
    await value(core, 'workspace.create', { path, name: 'W' });
    await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    core.close();
    expect(inspectWorkspace(path).counts.reviewers).toBe(1); // same id, renamed in place
  });

  it('engagements.create with no workspace is NO_WORKSPACE', async () => {
    const core = newCore();
    await value(core, 'reviewer.set', { name: 'Ada', initials: 'A' });
    expect(await failure(core, 'engagements.create', engagement, 'NO_WORKSPACE')).toMatch(/Open or create a workspace/);
  });

  it('workspace.create before reviewer.set is NO_REVIEWER and makes no file', async () => {
    const core = newCore();
    const folder = folders.make();
    await failure(core, 'workspace.create', { path: join(folder, 'w.fieldnotes'), name: 'W' }, 'NO_REVIEWER');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('workspace.recent lists what was created, says when it is gone, and forgets it', async () => {
    const core = newCore();
    const path = join(folders.make(), 'recent.fieldnotes');
    await value(core, 'reviewer.set', { name: 'Ada', initials: 'A' });
    await value(core, 'workspace.create', { path, name: 'Recent one' });
    expect(await value(core, 'workspace.recent')).toEqual([
      { id: expect.any(String), path, name: 'Recent one', openedAt: expect.any(String), exists: true },
    ]);
    await value(core, 'workspace.close');
    rmSync(path);
    const [gone] = await value<{ id: string }[]>(core, 'workspace.recent');
    expect(gone).toEqual({ id: expect.any(String), path, name: 'Recent one', openedAt: expect.any(String), exists: false });
    await failure(core, 'workspace.open', { path }, 'NOT_FOUND');
    await failure(core, 'workspace.openRecent', { id: gone!.id }, 'NOT_FOUND');
    expect(await value(core, 'workspace.forget', { id: gone!.id })).toBeNull();
    expect(await value(core, 'workspace.recent')).toEqual([]);
  });

  it('opening a second workspace closes the first, which can then be opened elsewhere', async () => {
    const core = newCore();
    const folder = folders.make();
    const [a, b] = [join(folder, 'a.fieldnotes'), join(folder, 'b.fieldnotes')];
    makeWorkspace(a);
    makeWorkspace(b);
    await value(core, 'workspace.open', { path: a });
    await value(core, 'workspace.open', { path: b });
    expect(inspectWorkspace(a).info.path).toBe(a); // a is no longer held
    await failure(newCore(), 'workspace.open', { path: b }, 'ALREADY_OPEN');
  });

  it('opening an older workspace migrates it and logs the backup', async () => {
    const logged: unknown[] = [];
    const core = newCore(undefined, logged);
    const path = join(folders.make(), 'old.fieldnotes');
    makeVersion0Workspace(path);
    expect(await value(core, 'workspace.open', { path })).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION });
    // The backup comes first; then a migration that may take a while (note_blocks) says so before and after.
    expect(logged).toEqual([
      [expect.stringMatching(/^backed up to .*old\.fieldnotes\.v0-.*\.bak$/), undefined],
      [expect.stringMatching(/^updating the workspace: storing each note paragraph by paragraph/), undefined],
      [expect.stringMatching(/^updated the workspace \(note_blocks\) in \d+\.\d s$/), undefined],
    ]);
  });

  it('tells the page while an older workspace is upgraded: what is done, notes so far of all, then that it is over', async () => {
    const events: [string, unknown][] = [];
    const core = testCore(folders, cores, { emit: (event, payload) => events.push([event, payload]) });
    const path = join(folders.make(), 'old.fieldnotes');
    makeOldWorkspace(path, 14); // the format before notes were stored paragraph by paragraph (0015)
    withRawDb(path, (db) => {
      const add = db.prepare(
        `INSERT INTO notes(id, engagement_id, title, document, plain_text, position, created_at, created_by, updated_at, updated_by)
         VALUES (?, 'e-old', ?, '{}', 'Training matters.', ?, '2020-02-02', ?, '2020-02-02', ?)`,
      );
      for (let i = 0; i < 120; i++) add.run(`n-${i}`, `Notes ${i}`, i + 1, TEST_REVIEWER.id, TEST_REVIEWER.id);
    });
    await value(core, 'workspace.open', { path });
    const upgrading = events.filter(([name]) => name === 'workspace.upgrading').map(([, payload]) => payload);
    const notice = expect.stringMatching(/^storing each note paragraph by paragraph/);
    expect(upgrading[0]).toEqual({ notice, done: null, total: null, finished: false });
    expect(upgrading.at(-2)).toEqual({ notice, done: 120, total: 120, finished: false });
    expect(upgrading.at(-1)).toEqual({ notice, done: null, total: null, finished: true });
    const counts = upgrading.slice(1, -1) as { done: number; total: number }[];
    expect(counts.every((c) => c.total === 120) && counts.every((c, i) => i === 0 || c.done > counts[i - 1]!.done)).toBe(true);
    // Opening it again, current now, says nothing of upgrading.
    await value(core, 'workspace.close');
    events.length = 0;
    await value(core, 'workspace.open', { path });
    expect(events.filter(([name]) => name === 'workspace.upgrading')).toEqual([]);
  });

  it('passes typed refusals through: a text file is NOT_A_WORKSPACE, and stays unchanged', async () => {
    const core = newCore();
    const path = join(folders.make(), 'essay.fieldnotes');
    writeFileSync(path, 'An essay.');
    const before = snapshot(path);
    expect(await failure(core, 'workspace.open', { path }, 'NOT_A_WORKSPACE')).toContain('essay.fieldnotes');
    expect(snapshot(path)).toEqual(before);
    await value(core, 'reviewer.set', { name: 'Ada', initials: 'A' });
    await failure(core, 'workspace.create', { path, name: 'X' }, 'FILE_EXISTS');
    expect(snapshot(path)).toEqual(before);
  });

  it('app.info describes the host; dialogs are UNAVAILABLE without a dialog port', async () => {
    const core = newCore();
    expect(await value(core, 'app.info')).toMatchObject({ version: '9.9.9-test', nativeDialogs: false, host: 'loopback' });
    await failure(core, 'workspace.openChosen', {}, 'UNAVAILABLE');
    await value(core, 'reviewer.set', { name: 'Ada', initials: 'A' });
    await failure(core, 'workspace.createChosen', { name: 'x' }, 'UNAVAILABLE');
  });

  it('uses a dialog port when the host gives one (workspaceTrust.test.ts: and no typed path)', async () => {
    const asked: string[] = [];
    const core = createCore({
      settingsFolder: folders.make(),
      defaultFolder: '/',
      host: 'electron',
      version: 'x',
      dialogs: {
        chooseWorkspace: async () => (asked.push('open'), '/chosen.fieldnotes'),
        chooseNewWorkspace: async (name) => (asked.push(`save ${name}`), `/new/${name}`),
        chooseSaveFile: async () => null,
      },
    });
    cores.push(core);
    // The dialogs' paths do not exist: the core tried to open exactly what the port answered.
    expect(await failure(core, 'workspace.openChosen', {}, 'NOT_FOUND')).toMatch(/chosen\.fieldnotes/);
    await value(core, 'reviewer.set', { name: 'Ada', initials: 'A' });
    expect((await core.invoke('workspace.createChosen', { name: 'R' })).ok).toBe(false);
    expect(asked).toEqual(['open', 'save R']);
  });
});
