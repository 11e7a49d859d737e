import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { diffBlocks, splitDocument, type BlockPatch } from '../../../shared/note/blocks';
import { createNoteEditor, insertText, serialize, tagRange } from '../../../shared/note/editing';
import { documentAnchors } from '../../../shared/note/anchors';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { applyEdit, editOp, passageIds, TRAINING, workspaceWithNote as newWorkspaceWithNote } from '../testing/noteEdits';
import type { Workspace } from '../workspace/workspace';
import { saveNote } from './notes';
import { saveNoteBlocks } from './noteBlocks';

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
    note: db.prepare('SELECT document, plain_text, word_count, revision FROM notes WHERE id = ?').get(w.noteId),
    passages: db
      .prepare('SELECT id, start_offset, end_offset, quoted_text, participant_id, detached FROM passages WHERE note_id = ? ORDER BY id')
      .all(w.noteId),
  };
}

/** FTS5 checks an external-content index against the rows it indexes: it throws when they differ. */
function indexMatchesText(workspace: Workspace): void {
  workspace.db.prepare("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')").run();
}

const paragraphs = (texts: string[]) => blocksToDocument(texts.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] })));

describe('block-level saves (issue 11)', () => {
  it('property: saving only the changed blocks stores exactly what saving the whole document stores', () => {
    const word = fc.constantFrom('training', 'AI', 'triage', '🙂', 'é', 'staff', 'P014:', 'P015:');
    const op = editOp(word);
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.array(op, { maxLength: 14 }), (texts, ops) => {
        const first = paragraphs(texts.map((w) => w.join(' ')));
        const whole = workspaceWithNote('whole', first);
        const blocks = workspaceWithNote('blocks', first);
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
          }
          indexMatchesText(blocks.workspace);
        } finally {
          whole.workspace.close();
          blocks.workspace.close();
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
      const last = db.prepare('SELECT start_offset, quoted_text FROM passages WHERE id = ?').get(creates[59]!.id) as { start_offset: number; quoted_text: string };
      expect(last.quoted_text).toBe('training');
      expect(last.start_offset).toBe(documentAnchors(serialize(editor)).passages.get(creates[59]!.id)!.start);
      indexMatchesText(w.workspace);
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
      expect((stored(w).note as { plain_text: string }).plain_text).toBe('one\n\ntwo more\n\nthree');
    } finally {
      w.workspace.close();
    }
  });
});
