// In the desktop app the core takes no workspace path from the page: only from the native dialogs, its own
// recent list (named by id) and the file the operating system handed the app. Typed paths: the loopback host.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import type { RecentWorkspace } from '../../../shared/domain/workspace';
import { createCore, type Core, type DialogPort } from '../index';
import { tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

/** A stand-in for the native dialogs: answers with what the test says, and records what was asked. */
function dialogs(answers: { save?: string | null; open?: string | null }) {
  const asked: string[] = [];
  const port: DialogPort = {
    chooseNewWorkspace: async (name) => (asked.push(`save:${name}`), answers.save ?? null),
    chooseWorkspace: async () => (asked.push('open'), answers.open ?? null),
    chooseSaveFile: async () => null,
  };
  return { port, asked };
}

async function desktopCore(answers: { save?: string | null; open?: string | null } = {}, handedFile: string | null = null) {
  const { port, asked } = dialogs(answers);
  let handed = handedFile;
  const core = createCore({
    settingsFolder: folders.make('fieldnotes-settings-'),
    defaultFolder: folders.make(),
    host: 'electron',
    version: 'test',
    dialogs: port,
    takeHandedWorkspace: () => {
      const path = handed;
      handed = null;
      return path;
    },
  });
  cores.push(core);
  await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  return { core, asked };
}

async function value<T>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('the desktop app takes no path from the page', () => {
  it('refuses a typed path to create or open, and writes nothing there', async () => {
    const { core } = await desktopCore();
    const typed = join(folders.make(), 'typed.fieldnotes');
    for (const [method, input] of [
      ['workspace.create', { path: typed, name: 'Typed' }],
      ['workspace.open', { path: typed }],
    ] as const) {
      const result = await core.invoke(method, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/Open or Save dialog/) });
    }
    expect(existsSync(typed)).toBe(false);
  });

  it('creates where the Save dialog says, and nothing when it is cancelled', async () => {
    const chosen = join(folders.make(), 'Chosen.fieldnotes');
    const { core, asked } = await desktopCore({ save: chosen });
    const info = await value<WorkspaceInfo>(core, 'workspace.createChosen', { name: 'Topol' });
    expect(info.path).toBe(chosen);
    expect(asked).toEqual(['save:Topol']);
    const cancelled = await desktopCore({ save: null });
    expect(await value(cancelled.core, 'workspace.createChosen', { name: 'Topol' })).toBeNull();
    expect(await value(cancelled.core, 'workspace.current')).toBeNull();
  });

  it('opens what the Open dialog says, then from the recent list by id only', async () => {
    const file = join(folders.make(), 'Review.fieldnotes');
    const maker = await desktopCore({ save: file });
    await value(maker.core, 'workspace.createChosen', { name: 'Review' });
    maker.core.close();

    const { core } = await desktopCore({ open: file });
    expect((await value<WorkspaceInfo>(core, 'workspace.openChosen')).path).toBe(file);
    const [recent] = await value<RecentWorkspace[]>(core, 'workspace.recent');
    expect(recent).toMatchObject({ path: file, name: 'Review', exists: true, id: expect.any(String) });
    await value(core, 'workspace.close');
    expect((await value<WorkspaceInfo>(core, 'workspace.openRecent', { id: recent!.id })).path).toBe(file);
    const unknown = await core.invoke('workspace.openRecent', { id: 'not-an-id' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('NOT_FOUND');
    await value(core, 'workspace.forget', { id: recent!.id });
    expect(await value(core, 'workspace.recent')).toEqual([]);
  });

  it('opens the file the operating system handed the app, once', async () => {
    const file = join(folders.make(), 'Handed.fieldnotes');
    const maker = await desktopCore({ save: file });
    await value(maker.core, 'workspace.createChosen', { name: 'Handed' });
    maker.core.close();

    const { core, asked } = await desktopCore({}, file);
    expect((await value<WorkspaceInfo>(core, 'workspace.openHanded')).path).toBe(file);
    expect(await value(core, 'workspace.openHanded')).toBeNull();
    expect(asked).toEqual([]);
  });
});

describe('the loopback host keeps its typed-path form', () => {
  it('creates and opens by typed path, and has no dialogs to choose with', async () => {
    const core = createCore({ settingsFolder: folders.make(), defaultFolder: folders.make(), host: 'loopback', version: 'test' });
    cores.push(core);
    await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    const path = join(folders.make(), 'Typed.fieldnotes');
    expect((await value<WorkspaceInfo>(core, 'workspace.create', { path, name: 'Typed' })).path).toBe(path);
    const chosen = await core.invoke('workspace.openChosen', {});
    expect(chosen.ok).toBe(false);
    expect(await value(core, 'workspace.openHanded')).toBeNull();
  });
});
