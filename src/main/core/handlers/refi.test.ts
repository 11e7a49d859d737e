import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../index';
import { coreWithEngagement, failure, upload, value } from '../testing/coreFiles';
import { tempFolders } from '../testing/tempWorkspace';
import { REFI } from '../testing/themeFixtures';
import type { QdpxImportReport } from '../../../shared/domain/refi';

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
    const uploadId = await upload(core, 'atlasti8-macos.qdpx', bytes, 'import');
    const { previewId, report } = await value<{ previewId: string; report: QdpxImportReport }>(core, 'refi.preview', { uploadId });
    expect(report.themes.added).toBe(14);
    expect(report.notCarried.join(' ')).toMatch(/2 videos/);
    expect(await value<unknown[]>(core, 'themes.list')).toEqual([]);
    const imported = await value<QdpxImportReport>(core, 'refi.import', { previewId });
    expect(imported.themes.added).toBe(14);
    expect(await value<unknown[]>(core, 'themes.list')).toHaveLength(14);
    expect(await failure(core, 'refi.import', { previewId }, 'NOT_FOUND')).toMatch(/Choose the file again/);

    const path = join(folders.make(), 'out.qdpx');
    const exported = await value<{ path: string; counts: { themes: number } }>(core, 'refi.export', { options: {}, path });
    expect(exported.counts.themes).toBe(14);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    expect(await failure(core, 'refi.export', { options: {}, path }, 'FILE_EXISTS')).toMatch(/already a file/);
    expect(await value(core, 'refi.exportCheck')).toEqual({ sharedNames: [] });
  });

  it('refuses a file that is not a project with a sentence', async () => {
    const { core } = await coreWithEngagement(folders, cores);
    const uploadId = await upload(core, 'notes.qdpx', Buffer.from('not a zip'), 'import');
    expect(await failure(core, 'refi.preview', { uploadId }, 'UNSUPPORTED_FILE')).toMatch(/not a zip archive/);
  });
});
