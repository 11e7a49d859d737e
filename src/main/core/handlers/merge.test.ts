// "Send for merging…" and "Merge in…" through the contract, as the Team area calls them: two laptops' cores.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MergePackInfo, MergeReport } from '../../../shared/domain/merge';
import type { BackupSummary } from '../../../shared/domain/backup';
import { createCore, type Core } from '../index';
import { failure, upload, value } from '../testing/coreFiles';
import { sha256, tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

async function laptop(name: string, initials: string) {
  const core = createCore({ settingsFolder: folders.make('fieldnotes-settings-'), defaultFolder: folders.make(), host: 'loopback', version: 'test', log: () => {} });
  cores.push(core);
  await value(core, 'reviewer.set', { name, initials });
  return core;
}

/** The workspace's bytes and its recovery log's (-wal): an open workspace writes to the log first, so both count. */
const bytesOf = (path: string) => [path, `${path}-wal`].map((p) => (existsSync(p) ? sha256(p) : 'none'));

const engagementTitles = async (core: Core) => (await value<{ title: string }[]>(core, 'engagements.list')).map((e) => e.title).sort();

describe('merge packs between two laptops', () => {
  it('sends a pack the colleague works in, previews theirs without changing anything, and merges it after a backup', async () => {
    const folder = folders.make('fieldnotes merge ');
    const ada = await laptop('Ada Lovelace', 'AL');
    const grace = await laptop('Grace Hopper', 'GH');
    const review = join(folder, 'review.fieldnotes');
    await value(ada, 'workspace.create', { path: review, name: 'Topol review' });
    await value(ada, 'engagements.create', { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-07-12' });

    // Ada sends the review; Grace works in the pack on her laptop and sends it back.
    const first = join(folder, 'to grace.fieldnotes');
    expect(await value(ada, 'merge.sendPack', { path: first })).toMatchObject({ path: first });
    expect(await failure(ada, 'merge.sendPack', { path: first }, 'FILE_EXISTS')).toBeTruthy();
    const gracesCopy = join(folders.make(), 'review.fieldnotes');
    copyFileSync(first, gracesCopy);
    await value(grace, 'workspace.open', { path: gracesCopy });
    await value(grace, 'engagements.create', { title: 'Leeds workshop', type: 'workshop', date: '2018-09-03' });
    const back = join(folder, 'from grace.fieldnotes');
    await value(grace, 'merge.sendPack', { path: back });

    const before = bytesOf(review);
    expect(before[1]).not.toBe('none'); // the workspace is open, with its log
    const preview = await value<{ previewId: string; pack: MergePackInfo; report: MergeReport }>(ada, 'merge.preview', {
      uploadId: await upload(ada, 'from grace.fieldnotes', readFileSync(back), 'mergePack'),
    });
    expect(preview.pack).toEqual({ fileName: 'from grace.fieldnotes', name: 'Topol review', reviewers: ['Ada Lovelace', 'Grace Hopper'] });
    expect(preview.report.byTable.engagements).toEqual({ new: 1 });
    expect(await engagementTitles(ada)).toEqual(['Moorfields Eye Hospital']);
    expect(bytesOf(review)).toEqual(before);

    const merged = await value<{ report: MergeReport; backup: string }>(ada, 'merge.run', { previewId: preview.previewId });
    expect(merged.report.counts.new).toBe(preview.report.counts.new);
    expect(await engagementTitles(ada)).toEqual(['Leeds workshop', 'Moorfields Eye Hospital']);
    const { backups } = await value<{ backups: BackupSummary[] }>(ada, 'backups.list');
    expect(backups.find((b) => b.name === merged.backup)).toMatchObject({ reason: 'before merge', counts: { engagements: 1 } });
    // A preview is merged once.
    expect(await failure(ada, 'merge.run', { previewId: preview.previewId }, 'NOT_FOUND')).toMatch(/Choose the pack again/);

    // A file that is not a workspace is refused by name.
    const notAPack = await upload(ada, 'minutes.docx', Buffer.from('PK\u0003\u0004 not a workspace'), 'mergePack');
    expect(await failure(ada, 'merge.preview', { uploadId: notAPack }, 'NOT_A_WORKSPACE')).toMatch(/^"minutes.docx" is not a Fieldnotes workspace/);
  }, 60_000);
});
