import { afterEach, describe, expect, it } from 'vitest';
import { tempFolders } from '../testing/tempWorkspace';
import { noteFor, themeWorkspace } from '../testing/themeFixtures';
import { getNote, getNoteSummary, listNotes, noteSaveState, plainTexts, renameNote, requireNote } from './notes';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('the notes store', () => {
  it('reads a summary without the document and the note with it', () => {
    const { db } = themeWorkspace(folders);
    const id = noteFor(db);
    const summary = getNoteSummary(db, id);
    expect(summary).toMatchObject({ id, title: 'Notes', source: 'typed', revision: 0 });
    expect('document' in summary).toBe(false);
    expect(getNote(db, id).document).toContain('root');
    expect(listNotes(db, summary.engagementId).map((n) => n.id)).toEqual([id]);
    expect(noteSaveState(db, id).revision).toBe(0);
    expect(plainTexts(db, [id]).get(id)).toBe('');
  });

  it('reads a source it does not know (a foreign writer) as typed rather than failing the list', () => {
    const { db } = themeWorkspace(folders);
    const id = noteFor(db);
    db.prepare(`UPDATE notes SET source = 'scanner' WHERE id = ?`).run(id);
    expect(getNoteSummary(db, id).source).toBe('typed');
  });

  it('refuses a missing note with the one message', () => {
    const { db } = themeWorkspace(folders);
    expect(() => requireNote(db, 'gone')).toThrow(/That note no longer exists/);
    expect(() => renameNote(db, 'gone', 'x')).toThrow(/That note no longer exists/);
  });
});
