// The session owns what a workspace holds open and lets go of all of it on close (issue 7): before it, uploads
// in progress outlived `workspace.close` in the temp folder, and each domain kept its own stores.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/rpc/result';
import type { ExportProgress } from '../../shared/domain/report';
import type { ThemeListItem } from '../../shared/domain/theme';
import { splitDocument } from '../../shared/note/blocks';
import { buildReportFixture } from './export/testing/reportFixture';
import { fuzzCore, type FuzzCore } from './testing/contractFuzz';
import { heldParts } from './workspace/connectionMemory';
import { openWorkspace } from './workspace/workspace';
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

describe('the session: what a workspace holds in memory and in flight goes when it closes', () => {
  const cores: FuzzCore[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
  });

  /** The report fixture's review (themes, passages, people), open in a core as the app opens it. */
  async function openReview(): Promise<{ core: FuzzCore; path: string }> {
    const fixture = buildReportFixture(folders);
    fixture.w.close();
    const core = fuzzCore(folders.make('fieldnotes-settings-'), folders.make());
    cores.push(core);
    await call(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await call(core, 'workspace.open', { path: fixture.w.workspace.path });
    return { core, path: fixture.w.workspace.path };
  }

  it('an export in progress is cancelled when the workspace closes, and leaves no file, not even a temporary one', async () => {
    const { core } = await openReview();
    const folder = folders.make();
    const started = await call<ExportProgress>(core, 'report.export', { format: 'xlsx', options: {}, path: join(folder, 'evidence.xlsx') });
    expect(started.state).toBe('running');
    await call(core, 'workspace.close');
    let progress = started;
    while (progress.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      progress = await call<ExportProgress>(core, 'report.progress', { jobId: started.jobId });
    }
    // Without the session's cancel it reads on from the closed file and fails instead.
    expect(progress).toMatchObject({ state: 'cancelled', path: null, error: null });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('the analysis index and the note caches go with the connection; reopening builds the index afresh', async () => {
    const { core, path } = await openReview();
    const db = core.session.workspace!.db;
    const themes = await call<ThemeListItem[]>(core, 'themes.list');
    const counted = (list: ThemeListItem[]) => Object.fromEntries(list.map((t) => [t.name, t.passageCount]));
    const note = (await call<{ id: string }[]>(core, 'notes.list', { engagementId: (await call<{ id: string }[]>(core, 'engagements.list'))[0]!.id }))[0]!;
    const { revision, document } = await call<{ revision: number; document: string }>(core, 'notes.get', { id: note.id });
    const { blocks } = splitDocument(document);
    await call(core, 'notes.save', { id: note.id, baseRevision: revision, patch: { start: 0, removed: 1, blocks: [blocks[0]!], total: blocks.length } });
    expect(heldParts(db)).toEqual(expect.arrayContaining(['analysis index', 'note blocks']));

    await call(core, 'workspace.close');
    expect(heldParts(db), 'nothing is kept for a closed connection').toEqual([]);

    // Untagged by another connection while it was closed: the reopened workspace's index must see it.
    const largest = themes.reduce((a, b) => (b.passageCount > a.passageCount ? b : a));
    expect(largest.passageCount).toBeGreaterThan(0);
    const other = openWorkspace(path);
    other.db.prepare('DELETE FROM passage_themes WHERE theme_id = ?').run(largest.id);
    other.close();

    await call(core, 'workspace.open', { path });
    const reopened = core.session.workspace!.db;
    expect(heldParts(reopened)).toContain('analysis index'); // built in the background from the open
    expect(counted(await call<ThemeListItem[]>(core, 'themes.list'))).toEqual({ ...counted(themes), [largest.name]: 0 });
  });
});
