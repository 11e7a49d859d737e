import { registerRichText } from '@lexical/rich-text';
import { $getSelection, $isRangeSelection, CONTROLLED_TEXT_INSERTION_COMMAND, DELETE_CHARACTER_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { documentAnchors } from './anchors';
import { blocksToDocument } from './blocksToDocument';
import { createNoteEditor, deleteRange, selectRange, serialize } from './editing';

/** The case the random-edits property found (passages.test.ts): three paragraphs, the last a "P014:" turn. */
const PARAGRAPHS = [
  ['training', 'é', 'AI', '🙂', 'training', '—', 'triage', 'triage', 'training'],
  ['training', 'training', '—', '—', 'AI', '—'],
  ['P014:', '🙂', 'é', 'training'],
].map((words) => ({ kind: 'paragraph' as const, runs: [{ text: words.join(' ') }] }));

const text = (editor: LexicalEditor) => documentAnchors(serialize(editor)).plainText;

describe('a deletion across blocks that ends inside a speaker label', () => {
  // 82 and 83 end inside "P014:" with less of the label left than was deleted from it.
  it.each([
    [80, '014: 🙂 é training'],
    [81, '14: 🙂 é training'],
    [82, '4: 🙂 é training'],
    [83, ': 🙂 é training'],
    [84, ' 🙂 é training'],
  ])('deleting 0–%i removes exactly that text', (end, left) => {
    const editor = createNoteEditor(blocksToDocument(PARAGRAPHS));
    expect(deleteRange(editor, 0, end)).toBe(true);
    expect(text(editor)).toBe(left);
  });

  it('in the live editor too: Delete over the selection, and typing over it', () => {
    for (const [command, payload, left] of [
      [DELETE_CHARACTER_COMMAND, true, '4: 🙂 é training'],
      [CONTROLLED_TEXT_INSERTION_COMMAND, 'x', 'x4: 🙂 é training'],
    ] as const) {
      const editor = createNoteEditor(blocksToDocument(PARAGRAPHS));
      // The live editor's handlers (rich text) behind the note's own registrations, as in NoteEditor.
      registerRichText(editor);
      expect(selectRange(editor, 0, 82)).toBe(true);
      editor.update(
        () => {
          expect($isRangeSelection($getSelection())).toBe(true);
          editor.dispatchCommand(command as typeof DELETE_CHARACTER_COMMAND, payload as boolean);
        },
        { discrete: true },
      );
      expect(text(editor)).toBe(left);
    }
  });

  it('a bold word does the same (the fault is any short node the deletion ends in)', () => {
    const editor = createNoteEditor(
      blocksToDocument([
        { kind: 'paragraph', runs: [{ text: 'aaa bbb' }] },
        { kind: 'paragraph', runs: [{ text: 'abcde', bold: true }, { text: ' rest' }] },
      ]),
    );
    expect(deleteRange(editor, 0, 12)).toBe(true);
    expect(text(editor)).toBe('de rest');
  });
});
