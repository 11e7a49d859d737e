import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../index';
import { upload, value } from '../testing/coreFiles';
import { PNG_1X1 } from '../testing/fileFixtures';
import { tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  folders.cleanup();
});

/** A desktop-like core: it has native dialogs, answered here by a list of chosen paths. */
async function desktopCore(answers: (string | null)[]) {
  const asked: string[] = [];
  const workspaceFile = join(folders.make(), 'w.fieldnotes');
  const core = createCore({
    settingsFolder: folders.make(),
    defaultFolder: folders.make(),
    host: 'electron',
    version: 'test',
    log: () => {},
    dialogs: {
      chooseWorkspace: async () => null,
      chooseNewWorkspace: async () => workspaceFile,
      chooseSaveFile: async (name) => {
        asked.push(name);
        return answers.shift() ?? null;
      },
    },
  });
  cores.push(core);
  await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  // The desktop app creates a workspace where the Save dialog says (a typed path is the loopback host's).
  await value(core, 'workspace.createChosen', { name: 'W' });
  const engagement = await value<{ id: string }>(core, 'engagements.create', { title: 'Visit', type: 'site_visit', date: '2018-07-12' });
  const uploadId = await upload(core, 'Flip chart.png', PNG_1X1, 'attachment', 'image/png');
  const attachment = await value<{ id: string }>(core, 'attachments.add', { uploadId, engagementId: engagement.id });
  return { core, asked, attachmentId: attachment.id };
}

describe('attachments.export where native dialogs exist', () => {
  it('writes only where the person chose in the save dialog, whatever path the page sends', async () => {
    const chosen = join(folders.make(), 'copy.png');
    const { core, asked, attachmentId } = await desktopCore([chosen]);
    const elsewhere = join(folders.make(), 'planted.png');
    const result = await value<{ path: string } | null>(core, 'attachments.export', { id: attachmentId, path: elsewhere, overwrite: true });
    expect(asked).toEqual(['Flip chart.png']);
    expect(result?.path).toBe(chosen);
    expect(readFileSync(chosen)).toEqual(Buffer.from(PNG_1X1));
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { core, attachmentId } = await desktopCore([null]);
    expect(await value(core, 'attachments.export', { id: attachmentId })).toBeNull();
  });
});

describe('codebook.exportQdc goes through the same file-out path', () => {
  it('asks the save dialog with the suggested name and ignores a page-supplied path', async () => {
    const chosen = join(folders.make(), 'codebook.qdc');
    const { core, asked } = await desktopCore([chosen]);
    await value(core, 'codebook.applyTemplate', { template: 'topol' });
    const planted = join(folders.make(), 'planted.qdc');
    const result = await value<{ path: string } | null>(core, 'codebook.exportQdc', { path: planted });
    expect(asked.at(-1)).toBe('W codebook.qdc');
    expect(result?.path).toBe(chosen);
    expect(readFileSync(chosen, 'utf8')).toContain('<CodeBook');
    expect(existsSync(planted)).toBe(false);
  });
});
