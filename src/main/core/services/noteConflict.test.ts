// Two windows saving one note (issue 11): the second save is refused, and "keep both" keeps its text as a
// new note beside the original, while the original and its passages stay as the first window left them.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { createNoteEditor, tagRange } from '../../../shared/note/editing';
import { documentText } from '../../../shared/note/text';
import { createCore } from '../index';
import { tempFolders } from '../testing/tempWorkspace';

const PASSAGE = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const folders = tempFolders();
afterEach(() => folders.cleanup());

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

describe('a note saved from two windows', () => {
  it('refuses the later save, and keeps its text as a copy beside the note, without the original’s passages', async () => {
    const folder = folders.make();
    const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test' });
    try {
      await value(core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' }));
      await value(core.invoke('workspace.create', { path: join(folder, 'two.fieldnotes'), name: 'Two windows' }));
      const { id: engagementId } = await value<{ id: string }>(core.invoke('engagements.create', { title: 'Visit', type: 'site_visit', date: '2018-06-19' }));
      const note = await value<{ id: string; revision: number; title: string }>(core.invoke('notes.create', { engagementId }));

      // The first window tags a passage and saves; the second, still at the old revision, has typed its own text.
      const first = createNoteEditor(blocksToDocument([{ kind: 'paragraph', runs: [{ text: 'P014: AI triage helps.' }] }]));
      expect(tagRange(first, 6, 15, PASSAGE)).toBe(true);
      const firstDocument = JSON.stringify(first.getEditorState().toJSON());
      await value(core.invoke('notes.save', { id: note.id, document: firstDocument, baseRevision: note.revision, createPassages: [{ id: PASSAGE, themeIds: [await themeId(core)] }] }));
      const mine = JSON.stringify(first.getEditorState().toJSON()).replace(' helps.', ' helps, said the lead radiographer.');
      const refused = await core.invoke('notes.save', { id: note.id, document: mine, baseRevision: note.revision });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      const copy = await value<{ id: string; title: string; document: string; engagementId: string }>(core.invoke('notes.saveCopy', { id: note.id, document: mine }));
      expect(copy).toMatchObject({ engagementId, title: `${note.title} (my version)` });
      expect(documentText(copy.document).plainText).toBe('P014: AI triage helps, said the lead radiographer.');
      expect(copy.document).not.toContain('"mark"');
      const passages = (id: string) => value<{ id: string }[]>(core.invoke('passages.forNote', { noteId: id }));
      expect((await passages(note.id)).map((p) => p.id)).toEqual([PASSAGE]);
      expect(await passages(copy.id)).toEqual([]);
      const original = await value<{ document: string }>(core.invoke('notes.get', { id: note.id }));
      expect(original.document).toBe(firstDocument);
      const titles = await value<{ title: string }[]>(core.invoke('notes.list', { engagementId }));
      expect(titles.map((n) => n.title)).toEqual([note.title, `${note.title} (my version)`]);
    } finally {
      core.close();
    }
  });
});

async function themeId(core: ReturnType<typeof createCore>): Promise<string> {
  return (await value<{ id: string }>(core.invoke('themes.create', { name: 'Training', parentId: null }))).id;
}
