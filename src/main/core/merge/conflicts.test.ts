// What a merge settles itself (issue 10): a note edited on both laptops, codes, numbers and names given on both,
// deletions against later changes, and parents deleted under a new child. Each merged both ways, compared.
import { afterEach, describe, expect, it } from 'vitest';
import { insertText } from '../../../shared/note/editing';
import { deleteEngagement } from '../services/engagements';
import { createFinding } from '../services/findings';
import { createNote, deleteNote, renameNote } from '../services/notes';
import { deleteTheme } from '../services/themeRemoval';
import { createTheme } from '../services/themes';
import { OTHER_REVIEWER } from '../testing/analysisFixtures';
import { content, editNote, forks, misquoted } from '../testing/mergeFixtures';
import { tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import { mergeInto, previewMerge } from './mergePack';

const folders = tempFolders();
const { fork, mergeBothWays, twoLaptops, closeAll } = forks(folders);
afterEach(() => {
  closeAll();
  folders.cleanup();
});

const ADA = TEST_REVIEWER.id;
const GRACE = OTHER_REVIEWER.id;


const noteRow = (db: import('better-sqlite3').Database, id: string) =>
  db.prepare('SELECT title, plain_text FROM notes WHERE id = ?').get(id) as { title: string; plain_text: string } | undefined;
const noteOf = (db: import('better-sqlite3').Database, passageId: string) => db.prepare('SELECT note_id FROM passages WHERE id = ?').pluck().get(passageId);

describe('a note edited on both laptops', () => {
  it('keeps both versions — the later in the note, the other as a copy beside it — each with its own passages, the same both ways', () => {
    const { review, a, b } = twoLaptops();
    const note = review.notes.moorfields.id;
    const adas = editNote(a.db, note, ADA, (e) => insertText(e, 0, 'Ada first. '), { words: 'Ada first', themeIds: [review.themes.ethics] })!;
    const graces = editNote(b.db, note, GRACE, (e) => insertText(e, 0, 'Grace first. '), { words: 'Grace first', themeIds: [review.themes.training] })!;

    const preview = previewMerge(a.db, b.db);
    expect(preview.noteCopies).toEqual([expect.objectContaining({ noteId: note, title: 'Moorfields visit, 19 June 2018 (conflict copy: Ada Lovelace’s version)' })]);
    const { intoA, bCopy } = mergeBothWays(a, b);
    expect(content(a.db)).toEqual(content(b.db));
    const copy = intoA.noteCopies[0]!.copyId;
    // Grace's edit was the later one: it stays in the note; Ada's version is the copy.
    expect(noteRow(a.db, note)!.plain_text).toMatch(/^Grace first\. \S+: AI triage/);
    expect(noteRow(a.db, copy)!.plain_text).toMatch(/^Ada first\. \S+: AI triage/);
    expect(noteOf(a.db, graces)).toBe(note);
    expect(noteOf(a.db, adas)).toBe(copy);
    // The passages both shared stay with the note, attached; every passage quotes the text under its marks.
    expect(noteOf(a.db, review.p.triage)).toBe(note);
    expect(a.db.prepare('SELECT count(*) FROM passages WHERE detached = 1').pluck().get()).toBe(0);
    expect(misquoted(a.db)).toEqual([]);
    expect(previewMerge(a.db, bCopy.db).counts).toEqual({ new: 0, changed: 0, conflicting: 0, deleted: 0, kept: 0 });
  });

  it('keeps one note with both laptops’ passages when only the tagging differs', () => {
    const { review, a, b } = twoLaptops();
    const note = review.notes.leeds.id;
    const adas = editNote(a.db, note, ADA, () => {}, { words: 'Nurses need', themeIds: [review.themes.ai] })!;
    const graces = editNote(b.db, note, GRACE, () => {}, { words: 'in AI tools', themeIds: [review.themes.ethics] })!;
    const { intoA } = mergeBothWays(a, b);
    expect(intoA.noteCopies).toEqual([]);
    expect(intoA.conflicts.filter((c) => c.table === 'notes')).toEqual([]);
    expect(content(a.db)).toEqual(content(b.db));
    expect([noteOf(a.db, adas), noteOf(a.db, graces)]).toEqual([note, note]);
    expect(misquoted(a.db)).toEqual([]);
  });
});

describe('names and numbers given on both laptops', () => {
  it('renames the later theme of one name under one parent and renumbers the later finding; combining moves the passages', () => {
    const { review, a, b } = twoLaptops();
    const onA = createTheme(a.db, { name: 'Equity', parentId: review.themes.ai }, ADA);
    const onB = createTheme(b.db, { name: 'equity', parentId: review.themes.ai }, GRACE);
    createTheme(b.db, { name: 'Equity', parentId: null }, GRACE); // another parent: no clash
    const tagged = editNote(b.db, review.notes.leeds.id, GRACE, () => {}, { words: 'Nurses need', themeIds: [onB.id] })!;
    const fa = createFinding(a.db, { statement: 'Radiographers want protected time.', themeIds: [], passageIds: [], status: 'draft' }, ADA);
    const fb = createFinding(b.db, { statement: 'Nurses want protected time.', themeIds: [], passageIds: [], status: 'draft' }, GRACE);
    expect(fa.number).toBe(fb.number);

    const preview = previewMerge(a.db, b.db);
    expect(preview.renamed).toEqual([{ table: 'themes', recordId: onB.id, from: 'equity', to: 'equity (2)', keptBy: onA.id }]);
    expect(preview.renumbered).toEqual([{ table: 'findings', recordId: fb.id, side: 'there', from: `F${fb.number}`, to: `F${fb.number + 1}` }]);

    const combined = fork(a.db, 'combined');
    const { bCopy } = mergeBothWays(a, b);
    expect(content(a.db)).toEqual(content(b.db));
    const numbers = a.db.prepare('SELECT number FROM findings ORDER BY number').pluck().all();
    expect(new Set(numbers).size).toBe(numbers.length);

    mergeInto(combined.db, bCopy.db, { combineThemes: true });
    const equities = combined.db.prepare("SELECT id FROM themes WHERE parent_id = ? AND name LIKE 'equity%'").pluck().all(review.themes.ai);
    expect(equities).toEqual([onA.id]);
    expect(combined.db.prepare('SELECT theme_id FROM passage_themes WHERE passage_id = ?').pluck().all(tagged)).toEqual([onA.id]);
  });
});

describe('deletions against changes', () => {
  it('deletes what the other side left alone, keeps and lists what it changed after, and keeps a deleted parent a new child needs', () => {
    const { review, a, b } = twoLaptops();
    deleteTheme(b.db, review.themes.genomics); // unchanged on A: goes
    deleteNote(b.db, review.notes.leeds.id);
    renameNote(a.db, review.notes.leeds.id, 'Leeds, checked'); // changed on A, unseen by B's deletion: stays
    deleteEngagement(b.db, review.engagements.bristol);
    const added = createNote(a.db, review.engagements.bristol, 'Bristol follow-up', ADA); // a new child of what B deleted

    const { intoA, intoB } = mergeBothWays(a, b);
    expect(content(a.db)).toEqual(content(b.db));
    expect(a.db.prepare('SELECT count(*) FROM themes WHERE id = ?').pluck().get(review.themes.genomics)).toBe(0);
    expect(noteRow(a.db, review.notes.leeds.id)?.title).toBe('Leeds, checked');
    expect(noteRow(a.db, added.id)?.title).toBe('Bristol follow-up');
    expect(intoA.kept.map((k) => [k.table, k.label, k.deletedOn])).toEqual(
      expect.arrayContaining([
        ['engagements', 'Bristol roundtable', 'there'],
        ['notes', 'Leeds, checked', 'there'],
      ]),
    );
    expect(intoB.kept.map((k) => [k.table, k.deletedOn])).toEqual(expect.arrayContaining([['engagements', 'here'], ['notes', 'here']]));
  });

  const none = { new: 0, changed: 0, conflicting: 0, deleted: 0, kept: 0 };
  /** Grace deletes the Leeds note; Ada, not knowing, renames it: the merge keeps it and asks. */
  const leeds = () => {
    const { review, a, b } = twoLaptops();
    deleteNote(b.db, review.notes.leeds.id);
    renameNote(a.db, review.notes.leeds.id, 'Leeds, checked');
    return { id: review.notes.leeds.id, a, b, graces: fork(b.db, 'grace-pack') };
  };

  it('“Keep”: the note stays, no later merge asks again, and the laptop that deleted it gets it back', () => {
    const kept = leeds();
    const intoA = mergeInto(kept.a.db, kept.graces.db);
    expect(intoA.kept).toEqual([expect.objectContaining({ table: 'notes', recordId: kept.id, deletedOn: 'there', decision: 'kept' })]);
    expect(previewMerge(kept.a.db, kept.graces.db).counts).toEqual(none);
    const back = mergeInto(kept.b.db, fork(kept.a.db, 'ada-pack').db);
    expect(back.kept).toEqual([]);
    expect(noteRow(kept.b.db, kept.id)?.title).toBe('Leeds, checked');
    expect(content(kept.b.db)).toEqual(content(kept.a.db));
  });

  it('“Delete anyway”: the note goes here at once, and from the other laptop at its next merge, unasked', () => {
    const gone = leeds();
    expect(() => mergeInto(gone.a.db, gone.graces.db, { deleteAnyway: [{ table: 'notes', recordId: 'not-kept' }] })).toThrow(/not one this merge kept/);
    expect(noteRow(gone.a.db, gone.id)?.title).toBe('Leeds, checked'); // the refused merge changed nothing
    const deleted = mergeInto(gone.a.db, gone.graces.db, { deleteAnyway: [{ table: 'notes', recordId: gone.id }] });
    expect(deleted.kept).toEqual([expect.objectContaining({ table: 'notes', recordId: gone.id, decision: 'deleted' })]);
    expect(noteRow(gone.a.db, gone.id)).toBeUndefined();
    expect(gone.a.db.prepare("SELECT count(*) FROM tombstones WHERE table_name = 'notes' AND record_id = ?").pluck().get(gone.id)).toBe(1);
    expect(previewMerge(gone.a.db, gone.graces.db).counts).toEqual(none);
    const adas = fork(gone.a.db, 'ada-pack');
    const intoB = mergeInto(gone.b.db, adas.db);
    expect(intoB.kept).toEqual([]);
    expect(noteRow(gone.b.db, gone.id)).toBeUndefined();
    expect(content(gone.b.db)).toEqual(content(gone.a.db));
    expect(misquoted(gone.a.db)).toEqual([]);
  });
});
