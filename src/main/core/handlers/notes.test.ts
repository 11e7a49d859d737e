import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentAnchors } from '../../../shared/note/anchors';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { diffBlocks, splitDocument } from '../../../shared/note/blocks';
import { createNoteEditor, insertText, serialize, tagRange } from '../../../shared/note/editing';
import type { Passage } from '../../../shared/domain/passage';
import { createCore, type Core } from '../index';
import { createEngagement } from '../services/engagements';
import { HELD_SHIFT_PAUSE_MS, remembersForEditing } from '../services/noteBlocks';
import { createNote, saveNote } from '../services/notes';
import { fuzzCore } from '../testing/contractFuzz';
import { freshWorkspace, tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import type { HandlerContext } from './context';
import { noteHandlers } from './notes';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

async function value<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('notes.save through the core', () => {
  it('the passages a block save moved after its answer are in their new places for the very next call', async () => {
    const core = createCore({ settingsFolder: folders.make(), defaultFolder: folders.make(), host: 'loopback', version: 'x' });
    cores.push(core);
    await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await value(core, 'workspace.create', { path: join(folders.make(), 'held.fieldnotes'), name: 'Held' });
    const engagement = await value<{ id: string }>(core, 'engagements.create', { title: 'Visit', type: 'site_visit', date: '2018-07-12' });
    const note = await value<{ id: string; revision: number }>(core, 'notes.create', { engagementId: engagement.id });
    const first = blocksToDocument(['one', 'two with training', 'three training'].map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] })));
    const editor = createNoteEditor(first);
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    tagRange(editor, 5 + 'two with '.length, 5 + 'two with training'.length, ids[0]!);
    tagRange(editor, 24 + 'three '.length, 24 + 'three training'.length, ids[1]!);
    const tagged = serialize(editor);
    const saved = await value<{ revision: number }>(core, 'notes.save', {
      id: note.id,
      document: tagged,
      baseRevision: note.revision,
      createPassages: ids.map((id) => ({ id, themeIds: [], newThemeName: 'Training' })),
    });
    insertText(editor, 0, 'Typed before them. ');
    const patch = diffBlocks(splitDocument(tagged).blocks, splitDocument(serialize(editor)).blocks)!;
    await value(core, 'notes.save', { id: note.id, patch, baseRevision: saved.revision });
    // No turn of the event loop between the two calls: the shift held past the answer is written by this call.
    const passages = await value<Passage[]>(core, 'passages.forNote', { noteId: note.id });
    const marked = documentAnchors(serialize(editor)).passages;
    expect(passages.map((p) => [p.id, p.start, p.end])).toEqual(ids.map((id) => [id, marked.get(id)!.start, marked.get(id)!.end]));
  });

  it('saves typed on without a pause hold one shift, written once they pause', async () => {
    const core = fuzzCore(folders.make(), folders.make());
    cores.push(core);
    await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await value(core, 'workspace.create', { path: join(folders.make(), 'pause.fieldnotes'), name: 'Pause' });
    const engagement = await value<{ id: string }>(core, 'engagements.create', { title: 'Visit', type: 'site_visit', date: '2018-07-12' });
    const note = await value<{ id: string; revision: number }>(core, 'notes.create', { engagementId: engagement.id });
    const editor = createNoteEditor(blocksToDocument(['one', 'two training'].map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] }))));
    const id = '00000000-0000-4000-8000-000000000003';
    tagRange(editor, 5 + 'two '.length, 5 + 'two training'.length, id);
    let sent = serialize(editor);
    let { revision } = await value<{ revision: number }>(core, 'notes.save', { id: note.id, document: sent, baseRevision: note.revision, createPassages: [{ id, themeIds: [], newThemeName: 'Training' }] });
    const db = core.session.workspace!.db;
    const stored = () => db.prepare('SELECT start_offset FROM passages WHERE id = ?').pluck().get(id);
    const held = () => db.prepare("SELECT count(*) FROM workspace_meta WHERE key = 'held passage shift'").pluck().get();
    for (const word of ['On', 'e ', 'more ']) {
      insertText(editor, 0, word);
      const patch = diffBlocks(splitDocument(sent).blocks, splitDocument(serialize(editor)).blocks)!;
      sent = serialize(editor);
      ({ revision } = await value<{ revision: number }>(core, 'notes.save', { id: note.id, patch, baseRevision: revision }));
      await new Promise((resolve) => setTimeout(resolve, HELD_SHIFT_PAUSE_MS / 4));
      expect([held(), stored()]).toEqual([1, 9]); // held, and the passage not yet moved
    }
    await new Promise((resolve) => setTimeout(resolve, HELD_SHIFT_PAUSE_MS + 200));
    expect([held(), stored()]).toEqual([0, documentAnchors(sent).passages.get(id)!.start]);
  });

  it('once saves pause, the full-text index is merged a step at a time, so no save merges a whole level (issue 11)', async () => {
    const core = fuzzCore(folders.make(), folders.make());
    cores.push(core);
    await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await value(core, 'workspace.create', { path: join(folders.make(), 'merge.fieldnotes'), name: 'Merge' });
    const engagement = await value<{ id: string }>(core, 'engagements.create', { title: 'Visit', type: 'site_visit', date: '2018-07-12' });
    const note = await value<{ id: string; revision: number }>(core, 'notes.create', { engagementId: engagement.id });
    const editor = createNoteEditor(blocksToDocument(['one', 'two', 'three'].map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] }))));
    let sent = serialize(editor);
    let { revision } = await value<{ revision: number }>(core, 'notes.save', { id: note.id, document: sent, baseRevision: note.revision });
    const db = core.session.workspace!.db;
    // Each statement that writes the index adds a segment to its lowest level (FTS5 merges 16 of a level inside a write).
    const segments = () => db.prepare('SELECT count(DISTINCT segid) FROM note_blocks_fts_idx').pluck().get() as number;
    for (let i = 0; i < 12; i++) {
      insertText(editor, 0, `word${i} `);
      const patch = diffBlocks(splitDocument(sent).blocks, splitDocument(serialize(editor)).blocks)!;
      sent = serialize(editor);
      ({ revision } = await value<{ revision: number }>(core, 'notes.save', { id: note.id, patch, baseRevision: revision }));
    }
    expect(segments()).toBeGreaterThanOrEqual(12);
    await vi.waitFor(() => expect(segments()).toBeLessThan(4), { timeout: HELD_SHIFT_PAUSE_MS + 3000, interval: 50 });
    db.prepare("INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(db.prepare("SELECT count(*) FROM note_blocks_fts WHERE note_blocks_fts MATCH 'word11'").pluck().get()).toBe(1);
  });
});

describe('notes.forEditor', () => {
  it('reads the note ahead for its first save only after the calls the page sent with it (its passages, issue 11)', async () => {
    const workspace = freshWorkspace(join(folders.make(), 'ahead.fieldnotes'));
    try {
      const engagement = createEngagement(workspace.db, { title: 'Visit', type: 'site_visit', date: '2018-07-12' }, TEST_REVIEWER.id);
      const note = createNote(workspace.db, engagement.id, 'Notes', TEST_REVIEWER.id);
      const document = blocksToDocument(['one', 'two'].map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] })));
      saveNote(workspace.db, { id: note.id, document, baseRevision: note.revision }, TEST_REVIEWER.id);
      const handlers = noteHandlers({ requireWorkspace: () => workspace, options: {} } as unknown as HandlerContext);
      await handlers['notes.forEditor']!({ id: note.id } as never);
      // The page's passages call, sent with it and waiting, is taken on the event loop's next turn.
      await new Promise((turn) => setImmediate(turn));
      expect(remembersForEditing(workspace.db, note.id)).toBe(false);
      await vi.waitFor(() => expect(remembersForEditing(workspace.db, note.id)).toBe(true));
    } finally {
      workspace.close();
    }
  });
});
