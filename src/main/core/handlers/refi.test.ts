import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../index';
import { coreWithEngagement, failure, upload, value } from '../testing/coreFiles';
import { tempFolders } from '../testing/tempWorkspace';
import { REFI } from '../testing/themeFixtures';
import type { QdpxImportReport } from '../../../shared/domain/refi';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

describe('refi.* through the core', () => {
  it('previews an upload without changing anything, imports it in one step, and exports the workspace to a typed path', async () => {
    const { core } = await coreWithEngagement(folders, cores);
    const bytes = readFileSync(join(REFI, 'samples', 'atlasti8-macos.qdpx'));
    const uploadId = await upload(core, 'atlasti8-macos.qdpx', bytes, 'project');
    const { previewId, report } = await value<{ previewId: string; report: QdpxImportReport }>(core, 'refi.preview', { uploadId });
    expect(report.themes.added).toBe(14);
    expect(report.notCarried.join(' ')).toMatch(/2 videos/);
    expect(await value<unknown[]>(core, 'themes.list')).toEqual([]);
    const imported = await value<QdpxImportReport>(core, 'refi.import', { previewId });
    expect(imported.themes.added).toBe(14);
    expect(await value<unknown[]>(core, 'themes.list')).toHaveLength(14);
    expect(await failure(core, 'refi.import', { previewId }, 'NOT_FOUND')).toMatch(/Choose the file again/);

    const path = join(folders.make(), 'out.qdpx');
    const exported = await value<{ path: string; size: number; counts: { themes: number } }>(core, 'refi.export', { options: {}, path });
    expect(exported.counts.themes).toBe(14);
    expect(exported.size).toBe(readFileSync(path).length);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    expect(await failure(core, 'refi.export', { options: {}, path }, 'FILE_EXISTS')).toMatch(/already a file/);
    expect(await value(core, 'refi.exportCheck')).toEqual({ sharedNames: [] });
  });

  it('refuses a file that is not a project with a sentence', async () => {
    const { core } = await coreWithEngagement(folders, cores);
    const uploadId = await upload(core, 'notes.qdpx', Buffer.from('not a zip'), 'project');
    expect(await failure(core, 'refi.preview', { uploadId }, 'UNSUPPORTED_FILE')).toMatch(/not a zip archive/);
  });

  it('imports into a new workspace, which exists only once the import has succeeded, and opens it', async () => {
    const { core } = await coreWithEngagement(folders, cores);
    const folder = folders.make();
    const hostile = await upload(core, 'bad.qdpx', Buffer.from('PK not really a zip'), 'project');
    const badPath = join(folder, 'Bad.fieldnotes');
    expect(await failure(core, 'refi.importNew', { uploadId: hostile, name: 'Bad', path: badPath }, 'UNSUPPORTED_FILE')).toMatch(/nothing was imported|not a zip/i);
    expect(readdirSync(folder)).toEqual([]);

    const uploadId = await upload(core, 'atlasti8-macos.qdpx', readFileSync(join(REFI, 'samples', 'atlasti8-macos.qdpx')), 'project');
    const path = join(folder, 'From ATLAS.fieldnotes');
    const { workspace, report } = await value<{ workspace: WorkspaceInfo; report: QdpxImportReport }>(core, 'refi.importNew', { uploadId, name: 'From ATLAS.ti', path });
    expect(report.themes.added).toBe(14);
    expect(workspace).toMatchObject({ path, name: 'From ATLAS.ti' });
    expect(await value(core, 'workspace.current')).toMatchObject({ path });
    expect(await value<unknown[]>(core, 'themes.list')).toHaveLength(14);
    expect(readdirSync(folder).filter((f) => f.includes('.creating-'))).toEqual([]);
  });

  it('in the desktop app asks its Save dialog for the new workspace and ignores a path from the page', async () => {
    const chosen = join(folders.make(), 'Chosen.fieldnotes');
    const typed = join(folders.make(), 'Typed.fieldnotes');
    let answer: string | null = null;
    const core = createCore({
      settingsFolder: folders.make('fieldnotes-settings-'),
      defaultFolder: folders.make(),
      host: 'electron',
      version: 'test',
      dialogs: { chooseNewWorkspace: async () => answer, chooseWorkspace: async () => null, chooseSaveFile: async () => null },
    });
    cores.push(core);
    await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    const uploadId = await upload(core, 'atlasti8-macos.qdpx', readFileSync(join(REFI, 'samples', 'atlasti8-macos.qdpx')), 'project');
    expect(await value(core, 'refi.importNew', { uploadId, name: 'Chosen', path: typed })).toBeNull();
    answer = chosen;
    // The upload survives a cancelled dialog: the person can choose again.
    const { workspace } = await value<{ workspace: WorkspaceInfo }>(core, 'refi.importNew', { uploadId, name: 'Chosen', path: typed });
    expect(workspace.path).toBe(chosen);
    expect(existsSync(typed)).toBe(false);
  });
});
