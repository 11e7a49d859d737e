// The session owns what a workspace holds open and lets go of all of it on close (issue 7): before it, uploads
// in progress outlived `workspace.close` in the temp folder, and each domain kept its own stores.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/rpc/result';
import { fuzzCore, type FuzzCore } from './testing/contractFuzz';
import { tempFolders } from './testing/tempWorkspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

async function call<T>(core: FuzzCore, method: string, input: unknown = {}): Promise<T> {
  const result = (await core.invoke(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Begin an upload of a transcript and send its first half, so it is in progress with a temp file on disk. */
async function halfUpload(core: FuzzCore): Promise<string> {
  const text = Buffer.from('P014: We need training before AI triage.');
  const { uploadId } = await call<{ uploadId: string }>(core, 'uploads.begin', { fileName: 'interview.txt', size: text.length, mediaType: 'text/plain', purpose: 'import' });
  await call(core, 'uploads.chunk', { uploadId, index: 0, dataBase64: text.subarray(0, 10).toString('base64') });
  return uploadId;
}

const filesIn = (folder: string | null) => (folder ? readdirSync(folder) : []);

describe('the session: open, work, close, reopen', () => {
  it('closing the workspace closes its database and deletes uploads in progress; reopening works', async () => {
    const core = fuzzCore(folders.make('fieldnotes-settings-'), folders.make());
    const path = join(folders.make(), 'Topol review.fieldnotes');
    await call(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await call(core, 'workspace.create', { path, name: 'Topol review' });
    const db = core.session.workspace!.db;
    const uploadId = await halfUpload(core);
    const temp = core.session.uploads.temporaryFolder;
    expect(filesIn(temp)).toHaveLength(1);

    await call(core, 'workspace.close');
    expect(db.open, 'the database handle is closed').toBe(false);
    expect(core.session.workspace).toBeNull();
    expect(filesIn(temp), 'no upload is left in the temp folder').toEqual([]);
    const late = await core.invoke('uploads.chunk', { uploadId, index: 1, dataBase64: 'AAAA' });
    expect(late.ok ? null : late.error.code).toBe('NOT_FOUND');

    await call(core, 'workspace.open', { path });
    expect(await call(core, 'engagements.list')).toEqual([]);
    await halfUpload(core);
    expect(filesIn(temp)).toHaveLength(1);

    core.close();
    expect(core.session.workspace).toBeNull();
    expect(core.session.uploads.temporaryFolder, 'the uploads folder goes with the window').toBeNull();
    expect(() => readdirSync(temp!)).toThrow(/ENOENT/);
  });

  it('opening another workspace lets go of the first one and its uploads', async () => {
    const core = fuzzCore(folders.make('fieldnotes-settings-'), folders.make());
    const [first, second] = ['a.fieldnotes', 'b.fieldnotes'].map((name) => join(folders.make(), name));
    await call(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await call(core, 'workspace.create', { path: first, name: 'First' });
    const db = core.session.workspace!.db;
    await halfUpload(core);

    await call(core, 'workspace.create', { path: second, name: 'Second' });
    expect(db.open).toBe(false);
    expect(filesIn(core.session.uploads.temporaryFolder)).toEqual([]);
    core.close();
  });
});
