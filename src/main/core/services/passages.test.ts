import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { NewParticipant } from '../../../shared/domain/participant';
import type { Passage } from '../../../shared/domain/passage';
import { documentAnchors, sliceCodePoints } from '../../../shared/note/anchors';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { createNoteEditor, deleteRange, insertText, serialize, splitParagraph, tagRange, undo } from '../../../shared/note/editing';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { applyEdit, editOp, passageIds, TRAINING, workspaceWithNote } from '../testing/noteEdits';
import type { Workspace } from '../workspace/workspace';
import { createNote, saveNote } from './notes';
import { createParticipant } from './participants';
import { passagesForNote, untagPassage, updatePassage } from './passages';

const folders = tempFolders();
afterEach(() => folders.cleanup());

interface Fixture {
  workspace: Workspace;
  /** Close the workspace, unless the fixture was made in one it does not own. */
  close: () => void;
  noteId: string;
  themeId: string;
  revision: number;
  /** Save, and read every passage of the note back (a save itself answers only with what it changed). */
  save: (document: string, creates?: { id: string; themeIds: string[] }[]) => ReturnType<typeof saveNote> & { passages: Passage[] };
}

/** A note holding `text`: in a new workspace of its own, or as a new note in the engagement of `into`. */
function fixture(text: string[], into?: { workspace: Workspace; engagementId: string }): Fixture & { editor: ReturnType<typeof createNoteEditor> } {
  const { workspace, noteId } = into
    ? { workspace: into.workspace, noteId: createNote(into.workspace.db, into.engagementId, undefined, TEST_REVIEWER.id).id }
    : workspaceWithNote(folders.make(), 'Passages', { title: 'Visit', type: 'site_visit' });
  const { db } = workspace;
  const note = { id: noteId };
  const themeId = TRAINING;
  const editor = createNoteEditor(blocksToDocument(text.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] }))));
  const f: Fixture & { editor: typeof editor } = {
    workspace,
    close: () => {
      if (!into) workspace.close();
    },
    noteId: note.id,
    themeId,
    revision: 0,
    editor,
    save(document, creates) {
      const saved = saveNote(db, { id: note.id, document, baseRevision: f.revision, createPassages: creates }, TEST_REVIEWER.id);
      f.revision = saved.revision;
      return { ...saved, passages: passagesForNote(db, note.id) };
    },
  };
  return f;
}

describe('passages', () => {
  it('are created with the save that marks them, in code points, with the speaker of their turn', () => {
    const f = fixture(['Visit notes 🙂 start here.', 'P014: We need structured training before AI triage.']);
    try {
      createParticipant(f.workspace.db, NewParticipant.parse({ staffGroup: 'allied_health_professional' }), TEST_REVIEWER.id);
      const text = documentAnchors(serialize(f.editor)).plainText;
      const start = Array.from(text).indexOf('W', 20);
      expect(tagRange(f.editor, start, start + 'We need structured training'.length, '11111111-1111-4111-8111-111111111111')).toBe(true);
      const saved = f.save(serialize(f.editor), [{ id: '11111111-1111-4111-8111-111111111111', themeIds: [f.themeId] }]);
      expect(saved.passages).toHaveLength(1);
      const [passage] = saved.passages;
      expect(passage).toMatchObject({ quotedText: 'We need structured training', detached: false, start: 33, end: 60 });
      expect(passage!.tags).toMatchObject([{ themeId: f.themeId, taggedBy: TEST_REVIEWER.id }]);
      // The participant created first is P001, not P014: no speaker match yet.
      expect(passage!.participantId).toBeNull();
    } finally {
      f.workspace.close();
    }
  });

  it('follow the speaker turn they fall in, until a reviewer chooses the speaker by hand', () => {
    const f = fixture(['P001: Staff learn on the job.', 'P002: Nobody trains us.']);
    try {
      const db = f.workspace.db;
      const first = createParticipant(db, NewParticipant.parse({ staffGroup: 'nurse' }), TEST_REVIEWER.id);
      const second = createParticipant(db, NewParticipant.parse({ staffGroup: 'doctor' }), TEST_REVIEWER.id);
      expect([first.code, second.code]).toEqual(['P001', 'P002']);
      const id = '66666666-6666-4666-8666-666666666666';
      tagRange(f.editor, 6, 28, id); // "Staff learn on the job"
      let [p] = f.save(serialize(f.editor), [{ id, themeIds: [f.themeId] }]).passages;
      expect(p!.participantId).toBe(first.id);
      // The turn's speaker changes: the passage follows.
      deleteRange(f.editor, 0, 4);
      insertText(f.editor, 0, 'P002');
      [p] = f.save(serialize(f.editor)).passages;
      expect(p!.participantId).toBe(second.id);
      // Chosen by hand: it stays, whatever the turn says.
      updatePassage(db, { id, participantId: first.id });
      [p] = f.save(serialize(f.editor)).passages;
      expect(p).toMatchObject({ participantId: first.id, speakerSetByHand: true });
    } finally {
      f.workspace.close();
    }
  });

  it('survive edits around and inside them; deleting their text detaches them; undo re-attaches', () => {
    const f = fixture(['Radiographers need structured training before AI triage is introduced.']);
    try {
      const id = '22222222-2222-4222-8222-222222222222';
      tagRange(f.editor, 19, 38, id); // "structured training"
      f.save(serialize(f.editor), [{ id, themeIds: [f.themeId] }]);
      insertText(f.editor, 0, 'Today: ');
      insertText(f.editor, 37, 'and hands-on '); // inside the passage, after "structured "
      let [p] = f.save(serialize(f.editor)).passages;
      expect(p).toMatchObject({ quotedText: 'structured and hands-on training', detached: false });
      splitParagraph(f.editor, 40); // split inside the passage: it spans two paragraphs now
      [p] = f.save(serialize(f.editor)).passages;
      expect(p!.quotedText).toBe('structured and\n\n hands-on training');
      deleteRange(f.editor, 0, documentAnchors(serialize(f.editor)).plainText.length);
      [p] = f.save(serialize(f.editor)).passages;
      expect(p).toMatchObject({ detached: true, quotedText: 'structured and\n\n hands-on training' });
      undo(f.editor);
      [p] = f.save(serialize(f.editor)).passages;
      expect(p).toMatchObject({ detached: false, quotedText: 'structured and\n\n hands-on training' });
    } finally {
      f.workspace.close();
    }
  });

  it('may overlap, and a passage left with no theme is deleted', () => {
    const f = fixture(['Digital literacy and genomics literacy both matter.']);
    try {
      const a = '33333333-3333-4333-8333-333333333333';
      const b = '44444444-4444-4444-8444-444444444444';
      tagRange(f.editor, 0, 16, a); // "Digital literacy"
      tagRange(f.editor, 8, 38, b); // "literacy and genomics literacy"
      const saved = f.save(serialize(f.editor), [
        { id: a, themeIds: [f.themeId] },
        { id: b, themeIds: [f.themeId] },
      ]);
      expect(saved.passages.map((p) => p.quotedText).sort()).toEqual(['Digital literacy', 'literacy and genomics literacy']);
      expect(untagPassage(f.workspace.db, a, f.themeId)).toBeNull();
      expect(passagesForNote(f.workspace.db, f.noteId).map((p) => p.id)).toEqual([b]);
    } finally {
      f.workspace.close();
    }
  });

  it('refuse to create a passage whose mark is not in the document', () => {
    const f = fixture(['Nothing marked here.']);
    try {
      expect(() => f.save(serialize(f.editor), [{ id: '55555555-5555-4555-8555-555555555555', themeIds: [f.themeId] }])).toThrow(
        /not in the note/,
      );
      expect(passagesForNote(f.workspace.db, f.noteId)).toEqual([]);
    } finally {
      f.workspace.close();
    }
  });

  /**
   * The anchoring invariant under random edits: after every save, each
   * passage whose mark is in the document has exactly the text under its
   * marks; each whose mark is gone is reported detached; none disappears.
   */
  it('property: random edits never lose a passage or misplace its text', () => {
    const word = fc.constantFrom('training', 'AI', 'triage', 'genomics', '🙂', 'é', 'staff', '—', 'P014:');
    const op = editOp(word);
    // One workspace for every run, each run a new note in it (as the matrix property shares its workspace): making
    // a workspace was 0.4 s of each run's 0.45 s. What a run checks is its own note's passages; the other notes'
    // passages only sit beside them, and ids run on across runs so none is reused.
    const shared = workspaceWithNote(folders.make(), 'Passages', { title: 'Visit', type: 'site_visit' });
    const nextId = passageIds();
    try {
      fc.assert(
        fc.property(fc.array(fc.array(word, { minLength: 3, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 25 }), (paragraphs, ops) => {
          const f = fixture(paragraphs.map((w) => w.join(' ')), shared);
          try {
            const created = new Set<string>();
            const mirror = new Map<string, Omit<Passage, 'start' | 'end'>>();
            for (const o of ops) {
              const creates = applyEdit(f.editor, o, nextId);
              for (const c of creates) created.add(c.id);
              const document = serialize(f.editor);
              const saved = f.save(document, creates);
              // What the editor keeps: the passages it had, refreshed by each save's changed ones (all but
              // the offsets, which only the stored rows follow: the editor finds passages by their marks).
              const unplaced = ({ start: _start, end: _end, ...rest }: Passage) => rest;
              for (const p of saved.changedPassages) mirror.set(p.id, unplaced(p));
              expect(new Map(saved.passages.map((p) => [p.id, unplaced(p)]))).toEqual(mirror);
              const anchors = documentAnchors(document);
              const stored = new Map(saved.passages.map((p) => [p.id, p]));
              for (const id of created) {
                const passage = stored.get(id);
                expect(passage, `passage ${id} disappeared`).toBeDefined();
                const range = anchors.passages.get(id);
                if (range) {
                  expect(passage!.detached).toBe(false);
                  expect(passage!.quotedText).toBe(sliceCodePoints(anchors.plainText, range.start, range.end));
                  expect([passage!.start, passage!.end]).toEqual([range.start, range.end]);
                } else {
                  expect(passage!.detached, `passage ${id} lost its mark but is not detached`).toBe(true);
                }
              }
            }
          } finally {
            f.close();
          }
        }),
        {
          numRuns: 60,
          // Once flaky: a deletion across blocks ending inside "P014:" threw in Lexical (shared/note/deletion.ts).
          examples: [
            [
              [
                ['training', 'é', 'AI', '🙂', 'training', '—', 'triage', 'triage', 'training'],
                ['training', 'training', '—', '—', 'AI', '—'],
                ['P014:', '🙂', 'é', 'training'],
              ],
              [
                { kind: 'tag', a: 70, b: 86 },
                { kind: 'delete', a: 0, b: 82 },
                { kind: 'undo' },
              ],
            ],
          ],
        },
      );
    } finally {
      shared.workspace.close();
    }
  });
});

describe('a save answers with what it changed', () => {
  it('returns only the passages whose text, speaker or detachment changed, and the new ones', () => {
    const f = fixture(['Digital literacy matters.', 'Second paragraph about genomics training.']);
    try {
      const a = '55555555-5555-4555-8555-555555555555';
      const b = '77777777-7777-4777-8777-777777777777';
      tagRange(f.editor, 0, 16, a); // "Digital literacy"
      tagRange(f.editor, 50, 58, b); // "genomics"
      const created = f.save(serialize(f.editor), [{ id: a, themeIds: [f.themeId] }, { id: b, themeIds: [f.themeId] }]);
      expect(created.changedPassages.map((p) => p.id).sort()).toEqual([a, b].sort());
      insertText(f.editor, 30, 'new '); // in the second paragraph, before "genomics": b moves, its text stays
      expect(f.save(serialize(f.editor)).changedPassages).toEqual([]);
      expect(passagesForNote(f.workspace.db, f.noteId).find((p) => p.id === b)).toMatchObject({ quotedText: 'genomics', start: 54, end: 62 });
      insertText(f.editor, 56, 'X'); // inside "genomics": b's text changes
      const changed = f.save(serialize(f.editor)).changedPassages;
      expect(changed.map((p) => p.id)).toEqual([b]);
      expect(changed[0]).toMatchObject({ quotedText: 'geXnomics', start: 54, end: 63 });
      deleteRange(f.editor, 0, 16); // a's text is gone: it is detached
      expect(f.save(serialize(f.editor)).changedPassages).toMatchObject([{ id: a, detached: true }]);
    } finally {
      f.workspace.close();
    }
  });
});
