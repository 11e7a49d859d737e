import Database from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { diffBlocks, splitDocument, type BlockPatch } from '../../../shared/note/blocks';
import { createNoteEditor, deleteRange, insertText, serialize, splitParagraph, tagRange } from '../../../shared/note/editing';
import { documentAnchors } from '../../../shared/note/anchors';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { applyEdit, editOp, passageIds, TRAINING, workspaceWithNote as newWorkspaceWithNote } from '../testing/noteEdits';
import type { Workspace } from '../workspace/workspace';
import { saveNote } from './notes';
import { saveNoteBlocks, writeHeldShift } from './noteBlocks';
import { openWorkspace } from '../workspace/workspace';
import { getNote, plainTexts } from '../store/notes';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const THEME = TRAINING;

function workspaceWithNote(name: string, document: string): { workspace: Workspace; noteId: string } {
  const made = newWorkspaceWithNote(folders.make(), name, { title: 'Roundtable', type: 'roundtable' }, 'Full day');
  saveNote(made.workspace.db, { id: made.noteId, document, baseRevision: 0 }, TEST_REVIEWER.id);
  return made;
}

/** Everything a save decides, in a form two workspaces can be compared by. */
function stored(w: { workspace: Workspace; noteId: string }) {
  const { db } = w.workspace;
  return {
    note: db.prepare('SELECT document, word_count, revision FROM notes WHERE id = ?').get(w.noteId),
    document: getNote(db, w.noteId).document,
    text: plainTexts(db, [w.noteId]).get(w.noteId),
    passages: db
      .prepare('SELECT id, start_offset, end_offset, quoted_text, participant_id, detached FROM passages WHERE note_id = ? ORDER BY id')
      .all(w.noteId),
  };
}

/** FTS5 checks an external-content index against the rows it indexes (rank 1): it throws when they differ. */
function indexMatchesText(workspace: Workspace): void {
  workspace.db.prepare("INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('integrity-check', 1)").run();
}

/** What the index kept up save by save finds for each word is what an index built afresh from the blocks finds. */
function indexEqualsFullReindex(workspace: Workspace, words: readonly string[]): void {
  const { db } = workspace;
  const match = db.prepare('SELECT rowid FROM note_blocks_fts WHERE note_blocks_fts MATCH ? ORDER BY rowid').pluck();
  const found = () => words.map((word) => [word, match.all(`"${word.replaceAll('"', '""')}"`)]);
  const kept = found();
  db.exec('SAVEPOINT reindex');
  db.exec("INSERT INTO note_blocks_fts(note_blocks_fts) VALUES ('rebuild')");
  const rebuilt = found();
  db.exec('ROLLBACK TO reindex; RELEASE reindex');
  expect(kept).toEqual(rebuilt);
  indexMatchesText(workspace);
}

const paragraphs = (texts: string[]) => blocksToDocument(texts.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] })));

describe('block-level saves (issue 11)', () => {
  it('property: saving only the changed blocks stores exactly what saving the whole document stores', () => {
    const words = ['training', 'AI', 'triage', '🙂', 'é', 'staff', 'P014:', 'P015:'];
    const word = fc.constantFrom(...words);
    const op = editOp(word);
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.array(op, { maxLength: 14 }), (texts, ops) => {
        const first = paragraphs(texts.map((w) => w.join(' ')));
        const whole = workspaceWithNote('whole', first);
        const blocks = workspaceWithNote('blocks', first);
        // As the handler saves: the moved passages held past the answer, written just after or by the next save.
        const held = workspaceWithNote('held', first);
        const editor = createNoteEditor(first);
        let sent = splitDocument(first).blocks;
        const nextId = passageIds();
        try {
          for (const o of ops) {
            const creates = applyEdit(editor, o, nextId);
            const document = serialize(editor);
            const next = splitDocument(document).blocks;
            const patch = diffBlocks(sent, next);
            sent = next;
            if (!patch) continue;
            const byWhole = saveNote(whole.workspace.db, { id: whole.noteId, document, baseRevision: (stored(whole).note as { revision: number }).revision, createPassages: creates }, TEST_REVIEWER.id);
            const byBlocks = saveNoteBlocks(
              blocks.workspace.db,
              { id: blocks.noteId, patch, baseRevision: (stored(blocks).note as { revision: number }).revision, createPassages: creates },
              TEST_REVIEWER.id,
            );
            expect(stored(blocks)).toEqual(stored(whole));
            expect(byBlocks.wordCount).toBe(byWhole.wordCount);
            expect(byBlocks.changedPassages.map((p) => p.id).sort()).toEqual(byWhole.changedPassages.map((p) => p.id).sort());
            const byHeld = saveNoteBlocks(
              held.workspace.db,
              { id: held.noteId, patch, baseRevision: byBlocks.revision - 1, createPassages: creates },
              TEST_REVIEWER.id,
              { holdShift: true },
            );
            const answered = (saved: typeof byHeld) => saved.changedPassages.map((p) => [p.id, p.start, p.end, p.quotedText, p.detached]);
            expect(answered(byHeld)).toEqual(answered(byBlocks));
            // Written after every third save: the saves between compose with the shift held (as typing on does).
            if (byHeld.revision % 3 === 0) writeHeldShift(held.workspace.db);
          }
          writeHeldShift(held.workspace.db);
          expect(stored(held)).toEqual(stored(whole));
          indexEqualsFullReindex(blocks.workspace, words);
          indexEqualsFullReindex(whole.workspace, words);
        } finally {
          whole.workspace.close();
          blocks.workspace.close();
          held.workspace.close();
        }
      }),
      { numRuns: 15 },
    );
    // ~9 s on a quiet 2-core machine; 25-45 s when the machine is shared by eight.
  }, 60_000);

  it('a typed word in a long note re-reads one paragraph: only the passages there come back, the rest move', () => {
    const texts = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} where staff discussed training for triage.`);
    const editor = createNoteEditor(paragraphs(texts));
    const creates = texts.map((_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, themeIds: [THEME] }));
    // Tag "training" in every paragraph: 60 passages.
    let offset = 0;
    for (const [i, t] of texts.entries()) {
      const at = offset + t.indexOf('training');
      tagRange(editor, at, at + 'training'.length, creates[i]!.id);
      offset += t.length + 2;
    }
    const document = serialize(editor);
    const w = workspaceWithNote('long', paragraphs(['placeholder']));
    try {
      const { db } = w.workspace;
      saveNote(db, { id: w.noteId, document, baseRevision: 1, createPassages: creates }, TEST_REVIEWER.id);
      const before = splitDocument(document).blocks;
      insertText(editor, texts[0]!.indexOf('training') + 3, 'X'); // inside the first passage
      const after = splitDocument(serialize(editor)).blocks;
      const patch = diffBlocks(before, after)!;
      expect([patch.start, patch.removed, patch.blocks.length]).toEqual([0, 1, 1]);
      const tick = () => db.prepare('SELECT tick FROM analysis_clock').pluck().get() as number;
      const ticked = tick();
      const saved = saveNoteBlocks(db, { id: w.noteId, patch, baseRevision: 2 }, TEST_REVIEWER.id);
      expect(saved.changedPassages.map((p) => p.id)).toEqual([creates[0]!.id]);
      // The 59 passages after it moved in one statement, and the analysis index's change log took the note once
      // for them (migration 0012), not twice per passage: the text, the revision, the one changed passage.
      expect(tick() - ticked).toBeLessThanOrEqual(5);
      expect(saved.changedPassages[0]!.quotedText).toBe('traXining');
      // Only retyped: what counts passages need not be refetched (shared/contract/changes.ts).
      expect(saved.passagesRetyped).toBe(true);
      const last = db.prepare('SELECT start_offset, quoted_text FROM passages WHERE id = ?').get(creates[59]!.id) as { start_offset: number; quoted_text: string };
      expect(last.quoted_text).toBe('training');
      expect(last.start_offset).toBe(documentAnchors(serialize(editor)).passages.get(creates[59]!.id)!.start);
      indexMatchesText(w.workspace);
      // Its words deleted: the passage is detached, which is more than retyping.
      const range = documentAnchors(serialize(editor)).passages.get(creates[0]!.id)!;
      deleteRange(editor, range.start, range.end);
      const gone = saveNoteBlocks(db, { id: w.noteId, patch: diffBlocks(after, splitDocument(serialize(editor)).blocks)!, baseRevision: 3 }, TEST_REVIEWER.id);
      expect(gone.changedPassages.map((p) => [p.id, p.detached])).toEqual([[creates[0]!.id, true]]);
      expect(gone.passagesRetyped).toBeUndefined();
    } finally {
      w.workspace.close();
    }
  });

  it('a save can hold the passages it moved past its answer: the next call writes them, or the next open after a crash', () => {
    const first = paragraphs(['hello world', 'second with training', 'third training']);
    const editor = createNoteEditor(first);
    const ids = ['world', 'second', 'third'].map((_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    tagRange(editor, 6, 11, ids[0]!); // "world"
    tagRange(editor, 13 + 'second with '.length, 13 + 'second with training'.length, ids[1]!);
    tagRange(editor, 35 + 'third '.length, 35 + 'third training'.length, ids[2]!);
    const tagged = serialize(editor);
    const w = workspaceWithNote('held', first);
    const offsets = (db: Workspace['db']) =>
      ids.map((id) => db.prepare('SELECT start_offset, end_offset FROM passages WHERE id = ?').raw().get(id) as [number, number]);
    const marked = () => ids.map((id) => documentAnchors(serialize(editor)).passages.get(id)!).map((r) => [r.start, r.end]);
    const { db } = w.workspace;
    saveNote(db, { id: w.noteId, document: tagged, baseRevision: 1, createPassages: ids.map((id) => ({ id, themeIds: [THEME] })) }, TEST_REVIEWER.id);
    expect(offsets(db)).toEqual(marked());
    // Ten letters before "world": it now starts past where the second paragraph began, yet moves only once.
    insertText(editor, 0, 'ABCDEFGHIJ');
    const patch = diffBlocks(splitDocument(tagged).blocks, splitDocument(serialize(editor)).blocks)!;
    saveNoteBlocks(db, { id: w.noteId, patch, baseRevision: 2 }, TEST_REVIEWER.id, { holdShift: true });
    const [world, second, third] = offsets(db);
    expect(world).toEqual(marked()[0]);
    expect([second, third]).toEqual([
      [25, 33],
      [41, 49],
    ]); // held: where they were
    // A copy taken now (a backup, or the file as a crash leaves it) holds the shift, and its next open writes it.
    const copy = join(folders.make(), 'copy.fieldnotes');
    db.prepare('VACUUM INTO ?').run(copy);
    const path = w.workspace.path;
    w.workspace.close(); // and closing writes it into the file itself
    const closed = new Database(path, { readonly: true });
    expect(closed.prepare('SELECT count(*) FROM workspace_meta WHERE key = ?').pluck().get('held passage shift')).toBe(0);
    closed.close();
    for (const file of [copy, path]) {
      const reopened = openWorkspace(file);
      try {
        expect(offsets(reopened.db)).toEqual(marked());
        expect(writeHeldShift(reopened.db)).toBe(false);
      } finally {
        reopened.close();
      }
    }
  });

  it('saves typed on in one paragraph compose their held shifts: the passages after it are written once, where the marks put them', () => {
    const texts = ['zero training', 'one training here', 'two training', 'three training', 'four training'];
    const editor = createNoteEditor(paragraphs(texts));
    const starts = texts.map((_, i) => texts.slice(0, i).reduce((sum, t) => sum + t.length + 2, 0));
    const ids = texts.map((_, i) => `00000000-0000-4000-8000-00000000001${i}`);
    // "training" in each paragraph; the last of paragraph 1 ("here") and all of paragraph 2 are one passage, split across them.
    texts.forEach((t, i) => i !== 2 && tagRange(editor, starts[i]! + t.indexOf('training'), starts[i]! + t.indexOf('training') + 8, ids[i]!));
    tagRange(editor, starts[1]! + texts[1]!.indexOf('here'), starts[2]! + texts[2]!.length, ids[2]!);
    const tagged = serialize(editor);
    const w = workspaceWithNote('composed', paragraphs(['placeholder']));
    const { db } = w.workspace;
    const offsets = () => ids.map((id) => db.prepare('SELECT start_offset, end_offset FROM passages WHERE id = ?').raw().get(id) as [number, number]);
    const marked = () => ids.map((id) => documentAnchors(serialize(editor)).passages.get(id)!).map((r) => [r.start, r.end]);
    const held = () => db.prepare('SELECT value FROM workspace_meta WHERE key = ?').pluck().all('held passage shift') as string[];
    try {
      let revision = saveNote(db, { id: w.noteId, document: tagged, baseRevision: 1, createPassages: ids.map((id) => ({ id, themeIds: [THEME] })) }, TEST_REVIEWER.id).revision;
      const before = offsets();
      let sent = splitDocument(tagged).blocks;
      const save = () => {
        const next = splitDocument(serialize(editor)).blocks;
        const saved = saveNoteBlocks(db, { id: w.noteId, patch: diffBlocks(sent, next)!, baseRevision: revision }, TEST_REVIEWER.id, { holdShift: true });
        sent = next;
        revision = saved.revision;
        return saved;
      };
      // Paragraph 1's "here" deleted: the split passage now starts where paragraph 2 does, written by this save.
      deleteRange(editor, starts[1]! + texts[1]!.indexOf('here'), starts[1]! + texts[1]!.length);
      save();
      expect(offsets()[2]).toEqual(marked()[2]);
      // Then typed on in paragraph 1, three saves: one shift held, and not a row after paragraph 1 written by a save…
      const typed = ['the', ' staff', ' said'];
      let at = starts[1]! + texts[1]!.indexOf('here');
      for (const word of typed) {
        insertText(editor, at, word);
        at += word.length;
        expect(save().changedPassages).toEqual([]);
      }
      expect(held()).toHaveLength(1);
      expect(JSON.parse(held()[0]!)).toMatchObject({ by: 'the staff said'.length - 'here'.length });
      expect(offsets().slice(3)).toEqual(before.slice(3));
      // …but the one the first save wrote past it, which the held shift leaves alone, moved with the typing.
      expect(offsets().slice(0, 3)).toEqual(marked().slice(0, 3));
      expect(writeHeldShift(db)).toBe(true);
      expect(offsets()).toEqual(marked());
      expect(held()).toEqual([]);
      // Typing elsewhere is not composed: the shift held is written first, and the new one held.
      insertText(editor, starts[4]!, 'Then ');
      save();
      insertText(editor, 0, 'So ');
      save();
      expect(held()).toHaveLength(1);
      writeHeldShift(db);
      expect(offsets()).toEqual(marked());
    } finally {
      w.workspace.close();
    }
  });

  it('paragraphs inserted again and again at one place keep their order when the numbers between run out', () => {
    const first = paragraphs(['first', 'last']);
    const w = workspaceWithNote('between', first);
    try {
      const { db } = w.workspace;
      const editor = createNoteEditor(first);
      let sent = splitDocument(first).blocks;
      let revision = 1;
      // Each new paragraph goes right after "first": between it and the last one added, halving the gap.
      for (let i = 0; i < 14; i++) {
        splitParagraph(editor, 'first'.length);
        insertText(editor, 'first'.length + 2, `added${i}`);
        const next = splitDocument(serialize(editor)).blocks;
        revision = saveNoteBlocks(db, { id: w.noteId, patch: diffBlocks(sent, next)!, baseRevision: revision }, TEST_REVIEWER.id).revision;
        sent = next;
      }
      expect(getNote(db, w.noteId).document).toBe(serialize(editor));
      expect(stored(w).text).toBe(documentAnchors(serialize(editor)).plainText);
      indexEqualsFullReindex(w.workspace, ['first', 'last', 'added0', 'added13']);
    } finally {
      w.workspace.close();
    }
  });

  it('the same patch sent again is recognised; a stale one is a conflict; a malformed one changes nothing', () => {
    const first = paragraphs(['one', 'two', 'three']);
    const w = workspaceWithNote('again', first);
    try {
      const { db } = w.workspace;
      const editor = createNoteEditor(first);
      insertText(editor, 'one\n\ntwo'.length, ' more');
      const patch = diffBlocks(splitDocument(first).blocks, splitDocument(serialize(editor)).blocks)!;
      const saved = saveNoteBlocks(db, { id: w.noteId, patch, baseRevision: 1 }, TEST_REVIEWER.id);
      expect(saved.revision).toBe(2);
      expect(saveNoteBlocks(db, { id: w.noteId, patch, baseRevision: 1 }, TEST_REVIEWER.id).revision).toBe(2);
      const other: BlockPatch = { ...patch, blocks: [patch.blocks[0]!.replace('more', 'else')] };
      expect(() => saveNoteBlocks(db, { id: w.noteId, patch: other, baseRevision: 1 }, TEST_REVIEWER.id)).toThrow(/changed in another window/);
      const text = stored(w);
      expect(() => saveNoteBlocks(db, { id: w.noteId, patch: { start: 2, removed: 5, blocks: [], total: 2 }, baseRevision: 2 }, TEST_REVIEWER.id)).toThrow(
        /not in the expected form/,
      );
      expect(() => saveNoteBlocks(db, { id: w.noteId, patch: { start: 0, removed: 1, blocks: ['{"type":'], total: 3 }, baseRevision: 2 }, TEST_REVIEWER.id)).toThrow(
        /not in the expected form/,
      );
      expect(stored(w)).toEqual(text);
      expect(stored(w).text).toBe('one\n\ntwo more\n\nthree');
    } finally {
      w.workspace.close();
    }
  });
});
