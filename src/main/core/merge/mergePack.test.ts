import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { NewParticipant } from '../../../shared/domain/participant';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { createNoteEditor, serialize } from '../../../shared/note/editing';
import { createNote, saveNote } from '../services/notes';
import { createParticipant } from '../services/participants';
import { deletePassage } from '../services/passages';
import { updateTheme } from '../services/themes';
import { content, forks, laterOnTheClock } from '../testing/mergeFixtures';
import { tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import { mergeInto, previewMerge } from './mergePack';
import { noteTextSql } from '../store/noteBlocks';

const folders = tempFolders();
const { fork, twoLaptops, closeAll } = forks(folders);
afterEach(() => {
  closeAll();
  folders.cleanup();
});

function speakerNote(db: Database.Database, engagementId: string, code: string, words: string): string {
  const note = createNote(db, engagementId, undefined, TEST_REVIEWER.id);
  const document = serialize(createNoteEditor(blocksToDocument([{ kind: 'paragraph', runs: [{ text: `${code}: ${words}` }] }])));
  saveNote(db, { id: note.id, document, baseRevision: note.revision }, TEST_REVIEWER.id);
  return note.id;
}

describe('merging two workspaces made from one', () => {
  it('unites both sides’ work, renumbers a colliding participant and rewrites their speaker labels, the same in either order, and a second merge changes nothing', () => {
    const { review, a, b } = twoLaptops();

    // Each laptop meets a new person and, not knowing of the other, gives them the same code.
    const person = (db: Database.Database, staffGroup: string) =>
      createParticipant(db, NewParticipant.parse({ staffGroup, engagementId: review.engagements.leeds }), TEST_REVIEWER.id);
    const onA = person(a.db, 'pharmacist');
    const onB = person(b.db, 'midwife');
    expect(onA.code).toBe(onB.code);
    const noteA = speakerNote(a.db, review.engagements.leeds, onA.code, 'Pharmacists want genomics training.');
    const noteB = speakerNote(b.db, review.engagements.leeds, onB.code, 'Midwives want time for AI tools.');
    // Both edit one theme apart (different fields), and the same field of another.
    updateTheme(a.db, { id: review.themes.ethics, definition: 'Moral questions of technology.' });
    updateTheme(b.db, { id: review.themes.ethics, name: 'Ethics and law' });
    updateTheme(a.db, { id: review.themes.genomics, definition: 'From A' });
    laterOnTheClock(); // B's is the later (in one millisecond, the sessions' random ids would decide)
    updateTheme(b.db, { id: review.themes.genomics, definition: 'From B' });
    deletePassage(b.db, review.p.unsaid);

    const preview = previewMerge(a.db, b.db);
    expect(preview.counts.new).toBeGreaterThan(0);
    expect(preview.counts.deleted).toBeGreaterThanOrEqual(1);
    expect(preview.renumbered).toHaveLength(1);
    expect(preview.conflicts.map((c) => `${c.table}.${c.columns.join()}`)).toContain('themes.definition');

    // A into B and B into A (each from a copy made before either merge).
    const bCopy = fork(b.db, 'b-copy');
    const aCopy = fork(a.db, 'a-copy');
    const intoA = mergeInto(a.db, bCopy.db);
    mergeInto(b.db, aCopy.db);
    expect(intoA.renumbered).toHaveLength(1);
    expect(content(a.db)).toEqual(content(b.db));

    // No code names two people, and each speaker turn names who spoke.
    const codes = a.db.prepare('SELECT code FROM participants').pluck().all() as string[];
    expect(new Set(codes).size).toBe(codes.length);
    const renamed = intoA.renumbered[0]!;
    const codeOf = (id: string) => a.db.prepare('SELECT code FROM participants WHERE id = ?').pluck().get(id) as string;
    const textOf = (id: string) => a.db.prepare(`SELECT ${noteTextSql('notes.id')} FROM notes WHERE id = ?`).pluck().get(id) as string;
    expect(textOf(noteA)).toBe(`${codeOf(onA.id)}: Pharmacists want genomics training.`);
    expect(textOf(noteB)).toBe(`${codeOf(onB.id)}: Midwives want time for AI tools.`);
    expect(codeOf(renamed.recordId)).toBe(renamed.to);
    // Each note's speaker takes the new code with the person it was linked to (store/noteSpeakers.ts).
    const speakersOf = (id: string) => a.db.prepare('SELECT code, participant_id FROM note_speakers WHERE note_id = ?').all(id);
    expect(speakersOf(noteA)).toEqual([{ code: codeOf(onA.id), participant_id: onA.id }]);
    expect(speakersOf(noteB)).toEqual([{ code: codeOf(onB.id), participant_id: onB.id }]);

    // Both sides' edits, field by field; the later of the two same-field edits wins.
    const ethics = a.db.prepare('SELECT name, definition FROM themes WHERE id = ?').get(review.themes.ethics);
    expect(ethics).toEqual({ name: 'Ethics and law', definition: 'Moral questions of technology.' });
    expect(a.db.prepare('SELECT definition FROM themes WHERE id = ?').pluck().get(review.themes.genomics)).toBe('From B');
    expect(a.db.prepare('SELECT count(*) FROM passages WHERE id = ?').pluck().get(review.p.unsaid)).toBe(0);

    // The same pack again: nothing to do.
    const again = previewMerge(a.db, bCopy.db);
    expect(again.counts).toEqual({ new: 0, changed: 0, conflicting: 0, deleted: 0, kept: 0 });
    const before = content(a.db);
    mergeInto(a.db, bCopy.db);
    expect(content(a.db)).toEqual(before);
  });
});
