import fc from 'fast-check';
import { join } from 'node:path';
import { documentAnchors } from '../../../shared/note/anchors';
import { createNoteEditor, deleteRange, insertText, serialize, splitParagraph, tagRange, undo } from '../../../shared/note/editing';
import { createEngagement } from '../services/engagements';
import { createNote } from '../services/notes';
import type { Workspace } from '../workspace/workspace';
import { freshWorkspace, TEST_REVIEWER } from './tempWorkspace';

/**
 * A note to edit and tag, and random edits of it: what the anchoring property (services/passages.test.ts) and
 * the block-level save property (services/noteBlocks.test.ts) both drive.
 */

/** The one theme a test note's passages are tagged with. */
export const TRAINING = 'theme-training';

/** A new workspace in `folder` (a copy: the properties make one or two per run) with one engagement, one empty note in it, and the theme TRAINING. */
export function workspaceWithNote(
  folder: string,
  name: string,
  engagement: { title: string; type: string },
  noteTitle?: string,
): { workspace: Workspace; noteId: string; engagementId: string } {
  const workspace = freshWorkspace(join(folder, `${name}.fieldnotes`), name);
  const { db } = workspace;
  const { id: engagementId } = createEngagement(db, { ...engagement, date: '2018-06-19' }, TEST_REVIEWER.id);
  const note = createNote(db, engagementId, noteTitle, TEST_REVIEWER.id);
  db.prepare(
    `INSERT INTO themes(id, parent_id, name, colour, position, created_at, created_by) VALUES (?, NULL, 'Training', '#1F77B4', 0, '2024-01-01', ?)`,
  ).run(TRAINING, TEST_REVIEWER.id);
  return { workspace, noteId: note.id, engagementId };
}

/** Passage ids 00000000-0000-4000-8000-000000000001, …2, … (valid UUIDs, in order). */
export function passageIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** One edit a person makes: tag or delete a stretch, type at a place, split a paragraph, undo. */
export const editOp = (word: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.record({ kind: fc.constant('tag' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')) }),
    fc.record({ kind: fc.constant('delete' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('undo' as const) }),
  );

export type EditOp = ReturnType<typeof editOp> extends fc.Arbitrary<infer O> ? O : never;

/**
 * Apply one edit to the editor, its positions taken modulo the text's length. A tag that lands (the stretch is
 * not empty and its mark is in the document) is a passage to create with the save: `nextId()` names it.
 */
export function applyEdit(editor: ReturnType<typeof createNoteEditor>, op: EditOp, nextId: () => string): { id: string; themeIds: string[] }[] {
  const length = documentAnchors(serialize(editor)).plainText.length + 1;
  const [s, e] = [('a' in op ? op.a : 0) % length, ('b' in op ? op.b : 0) % length].sort((x, y) => x - y) as [number, number];
  switch (op.kind) {
    case 'tag': {
      const id = nextId();
      return e > s && tagRange(editor, s, e, id) && documentAnchors(serialize(editor)).passages.has(id) ? [{ id, themeIds: [TRAINING] }] : [];
    }
    case 'insert':
      insertText(editor, op.at % length, op.text);
      return [];
    case 'delete':
      deleteRange(editor, s, e);
      return [];
    case 'split':
      splitParagraph(editor, op.at % length);
      return [];
    case 'undo':
      undo(editor);
      return [];
  }
}
