import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { createCore } from '../index';
import { tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** A core with a workspace open and one note holding the paragraph given. */
async function noteCore(paragraph: string) {
  const folder = folders.make();
  const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test' });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await core.invoke(method, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  await call('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  await call('workspace.create', { path: join(folder, 'w.fieldnotes'), name: 'W' });
  const engagement = await call('engagements.create', { title: 'Moorfields', type: 'site_visit', date: '2018-06-19' });
  const note = await call('notes.create', { engagementId: engagement.id });
  const saved = await call('notes.save', {
    id: note.id,
    document: blocksToDocument([{ kind: 'paragraph', runs: [{ text: paragraph }] }]),
    baseRevision: note.revision,
  });
  return { core, call, noteId: note.id, revision: saved.revision };
}

describe('tagging with a theme named in the picker', () => {
  it('is one call: the theme and the passage of a search hit are made together', async () => {
    const { core, call, noteId } = await noteCore('Radiographers need structured training.');
    const done = await call('passages.tagWithNewTheme', { name: 'Training', target: { noteId, start: 0, end: 13 } });
    expect(done.created).toBe(true);
    expect(done.theme).toMatchObject({ name: 'Training', parentId: null });
    expect(done.passage).toMatchObject({ quotedText: 'Radiographers', tags: [{ themeId: done.theme.id }] });
    core.close();
  });

  it('takes the top-level theme already called that, ignoring case and Unicode composition', async () => {
    const { core, call, noteId } = await noteCore('Éthique et données.');
    const first = await call('passages.tagWithNewTheme', { name: 'Éthique', target: { noteId, start: 0, end: 7 } });
    const decomposedUpper = 'E\u0301THIQUE';
    const again = await call('passages.tagWithNewTheme', { name: decomposedUpper, target: { passageId: first.passage.id } });
    expect(again.created).toBe(false);
    expect(again.theme.id).toBe(first.theme.id);
    // Accents are part of the name: "Ethique" is another theme.
    const other = await call('passages.tagWithNewTheme', { name: 'Ethique', target: { passageId: first.passage.id } });
    expect(other.created).toBe(true);
    expect((await call('themes.list', {})).map((t) => t.name)).toEqual(['Éthique', 'Ethique']);
    core.close();
  });

  it('leaves no new theme behind when the tag cannot be made', async () => {
    const { core, call, noteId } = await noteCore('Short.');
    const refused = await core.invoke('passages.tagWithNewTheme', { name: 'Orphan', target: { noteId, start: 0, end: 500 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('themes.list', {})).toEqual([]);
    core.close();
  });

  it('creates the theme with a passage the editor marked, in the note’s save', async () => {
    const { core, call, noteId, revision } = await noteCore('Barriers to training.');
    const id = '11111111-1111-4111-8111-111111111111';
    const marked = blocksToDocument([{ kind: 'paragraph', runs: [{ text: 'Barriers', marks: [id] }, { text: ' to training.' }] }]);
    const saved = await call('notes.save', { id: noteId, document: marked, baseRevision: revision, createPassages: [{ id, themeIds: [], newThemeName: 'Barriers' }] });
    const [theme] = await call('themes.list', {});
    expect(theme).toMatchObject({ name: 'Barriers' });
    expect(saved.changedPassages).toMatchObject([{ id, quotedText: 'Barriers', tags: [{ themeId: theme!.id }] }]);
    core.close();
  });
});
