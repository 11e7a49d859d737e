import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { blocksToDocument, reserialize as roundTrip } from '../../../shared/note/blocksToDocument';
import { createNoteEditor, tagRange } from '../../../shared/note/editing';
import { createCore, type Core } from '../index';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { explainStorageError } from '../errors';
import { createEngagement } from './engagements';
import { createNote, getNote, saveNote } from './notes';
import { createWorkspace } from '../workspace/workspace';

const folders = tempFolders();
const PASSAGE = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
afterEach(() => folders.cleanup());

async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function coreWithEngagement(emit?: (event: string, payload: unknown) => void): Promise<{ core: Core; path: string; engagementId: string }> {
  const folder = folders.make();
  const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test', emit });
  await ok(core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' }));
  const path = join(folder, 'notes.fieldnotes');
  await ok(core.invoke('workspace.create', { path, name: 'Notes test' }));
  const engagement = await ok<{ id: string }>(core.invoke('engagements.create', { title: 'Visit', type: 'site_visit', date: '2018-06-19' }));
  return { core, path, engagementId: engagement.id };
}

const sample = blocksToDocument([
  { kind: 'heading', level: 1, runs: [{ text: 'Moorfields — reading centre' }] },
  { kind: 'paragraph', runs: [{ text: 'P014: ' }, { text: 'We need', bold: true }, { text: ' training 🙂 before AI triage.' }] },
  { kind: 'quote', runs: [{ text: 'Le personnel a été formé — ça marche.', italic: true }] },
  { kind: 'list', ordered: true, items: [[{ text: 'Radiographers' }], [{ text: 'Optometrists' }]] },
]);

describe('notes', () => {
  it('store the document byte for byte and derive text and word count', async () => {
    const { core, engagementId } = await coreWithEngagement();
    const note = await ok<{ id: string; revision: number }>(core.invoke('notes.create', { engagementId }));
    const saved = await ok<{ revision: number; wordCount: number }>(
      core.invoke('notes.save', { id: note.id, document: sample, baseRevision: note.revision }),
    );
    expect(saved.revision).toBe(note.revision + 1);
    expect(saved.wordCount).toBe(19);
    const loaded = await ok<{ document: string; wordCount: number }>(core.invoke('notes.get', { id: note.id }));
    expect(loaded.document).toBe(sample);
    expect(loaded.wordCount).toBe(19);
    core.close();
  });

  it('a stored document round-trips through the editor unchanged', () => {
    expect(roundTrip(sample)).toBe(sample);
    expect(roundTrip(roundTrip(sample))).toBe(sample);
  });

  it('survive closing and reopening the workspace', async () => {
    const { core, path, engagementId } = await coreWithEngagement();
    const note = await ok<{ id: string }>(core.invoke('notes.create', { engagementId, title: 'Morning' }));
    await ok(core.invoke('notes.save', { id: note.id, document: sample, baseRevision: 0 }));
    await ok(core.invoke('workspace.close', {}));
    await ok(core.invoke('workspace.open', { path }));
    const list = await ok<{ title: string; wordCount: number }[]>(core.invoke('notes.list', { engagementId }));
    expect(list).toMatchObject([{ title: 'Morning', wordCount: 19 }]);
    expect((await ok<{ document: string }>(core.invoke('notes.get', { id: note.id }))).document).toBe(sample);
    core.close();
  });

  it('refuse a stale revision (another window saved) and keep the stored text', async () => {
    const { core, engagementId } = await coreWithEngagement();
    const note = await ok<{ id: string; document: string }>(core.invoke('notes.create', { engagementId }));
    await ok(core.invoke('notes.save', { id: note.id, document: sample, baseRevision: 0 }));
    const stale = await core.invoke('notes.save', { id: note.id, document: note.document, baseRevision: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok<{ document: string }>(core.invoke('notes.get', { id: note.id }))).document).toBe(sample);
    core.close();
  });

  it('take the same save twice (its answer was lost) as already done, not as a conflict', async () => {
    const { core, engagementId } = await coreWithEngagement();
    const note = await ok<{ id: string }>(core.invoke('notes.create', { engagementId }));
    const first = await ok<{ revision: number }>(core.invoke('notes.save', { id: note.id, document: sample, baseRevision: 0 }));
    const again = await core.invoke('notes.save', { id: note.id, document: sample, baseRevision: 0 });
    expect(again).toMatchObject({ ok: true, value: { revision: first.revision, wordCount: 19 } });
    core.close();
  });

  it('refuse a document that is not an editor state, with a typed error', async () => {
    const { core, engagementId } = await coreWithEngagement();
    const note = await ok<{ id: string }>(core.invoke('notes.create', { engagementId }));
    for (const document of ['not json', '{"root":{"type":"paragraph"}}', '[]', 'null']) {
      const result = await core.invoke('notes.save', { id: note.id, document, baseRevision: 0 });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    core.close();
  });

  it('a full disk is reported as DISK_FULL, loses nothing saved, and saving works again once there is room', () => {
    const folder = folders.make();
    const workspace = createWorkspace(join(folder, 'full.fieldnotes'), { name: 'Full', createdBy: TEST_REVIEWER });
    try {
      const { db } = workspace;
      const engagement = createEngagement(db, { title: 'Visit', type: 'site_visit', date: '2018-06-19' }, TEST_REVIEWER.id);
      const note = createNote(db, engagement.id, undefined, TEST_REVIEWER.id);
      saveNote(db, { id: note.id, document: sample, baseRevision: 0 }, TEST_REVIEWER.id);
      // Cap the file at its current size: SQLite then fails any write needing a new page, as on a full disk.
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      const big = blocksToDocument([{ kind: 'paragraph', runs: [{ text: 'word '.repeat(200_000) }] }]);
      let thrown: unknown;
      try {
        saveNote(db, { id: note.id, document: big, baseRevision: 1 }, TEST_REVIEWER.id);
      } catch (error) {
        thrown = error;
      }
      expect(explainStorageError(thrown)?.code).toBe('DISK_FULL');
      expect(getNote(db, note.id)).toMatchObject({ document: sample, revision: 1 });
      db.pragma(`max_page_count = ${pages * 100}`);
      expect(saveNote(db, { id: note.id, document: big, baseRevision: 1 }, TEST_REVIEWER.id)).toMatchObject({
        revision: 2,
        wordCount: 200_000,
      });
    } finally {
      workspace.close();
    }
  });
});

describe('a note opened for its editor (notes.forEditor, issue 11)', () => {
  it('answers the note as notes.get does, without its passages (a call of their own, asked for at once)', async () => {
    const { core, engagementId } = await coreWithEngagement();
    const note = await ok<{ id: string; revision: number }>(core.invoke('notes.create', { engagementId }));
    await ok(core.invoke('notes.save', { id: note.id, document: sample, baseRevision: note.revision }));
    expect(await ok(core.invoke('notes.forEditor', { id: note.id }))).toEqual(await ok(core.invoke('notes.get', { id: note.id })));
    expect(await core.invoke('notes.forEditor', { id: PASSAGE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    core.close();
  });
});

describe('what a save announces as changed', () => {
  it('a save of text alone names what shows the text, not the codebook; one that makes or changes a passage names it', async () => {
    const announced: string[][] = [];
    const { core, engagementId } = await coreWithEngagement((event, payload) => event === 'data.changed' && announced.push((payload as { namespaces: string[] }).namespaces));
    const note = await ok<{ id: string; revision: number }>(core.invoke('notes.create', { engagementId }));
    const theme = await ok<{ id: string }>(core.invoke('themes.create', { name: 'Training', parentId: null }));
    const editor = createNoteEditor(blocksToDocument([{ kind: 'paragraph', runs: [{ text: 'P014: AI triage helps.' }] }]));
    expect(tagRange(editor, 6, 15, PASSAGE)).toBe(true);
    const tagged = JSON.stringify(editor.getEditorState().toJSON());
    const save = async (document: string, baseRevision: number, createPassages?: unknown[]) => {
      announced.length = 0;
      const saved = await ok<{ revision: number }>(core.invoke('notes.save', { id: note.id, document, baseRevision, ...(createPassages && { createPassages }) }));
      return { revision: saved.revision, namespaces: announced.flat() };
    };

    const made = await save(tagged, note.revision, [{ id: PASSAGE, themeIds: [theme.id] }]);
    expect(made.namespaces).toEqual(expect.arrayContaining(['themes', 'passages', 'findings', 'search']));
    // Typing after the passage: the passage's words are as they were.
    const typed = await save(tagged.replace(' helps.', ' helps, said the lead radiographer.'), made.revision);
    expect(typed.namespaces).toEqual(expect.arrayContaining(['search', 'themes.view', 'agreement']));
    expect(typed.namespaces).not.toContain('themes');
    expect(typed.namespaces).not.toContain('findings');
    expect(typed.namespaces).not.toContain('notes');
    // Typing inside it changes the passage's quoted text: the codebook, findings and the rest see it.
    const inside = await save(tagged.replace('AI triage', 'AI-led triage').replace(' helps.', ' helps, said the lead radiographer.'), typed.revision);
    expect(inside.namespaces).toEqual(expect.arrayContaining(['themes', 'passages', 'findings']));
    core.close();
  });
});

describe('a new note’s default name', () => {
  it('is the engagement’s title and date, numbered for a second note — never "Notes 4"', () => {
    const folder = folders.make();
    const workspace = createWorkspace(join(folder, 'w.fieldnotes'), { name: 'W', createdBy: TEST_REVIEWER });
    try {
      const { db } = workspace;
      const e = createEngagement(db, { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-06-19' }, TEST_REVIEWER.id);
      const titles = [1, 2, 3].map(() => createNote(db, e.id, undefined, TEST_REVIEWER.id).title);
      expect(titles).toEqual(['Moorfields Eye Hospital, 19 June 2018', 'Moorfields Eye Hospital, 19 June 2018 (2)', 'Moorfields Eye Hospital, 19 June 2018 (3)']);
      expect(createNote(db, e.id, 'Afternoon', TEST_REVIEWER.id).title).toBe('Afternoon');
    } finally {
      workspace.close();
    }
  });
});
