import { createHeadlessEditor } from '@lexical/headless';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import fc from 'fast-check';
import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, COMMAND_PRIORITY_HIGH, type LexicalCommand, type LexicalEditor } from 'lexical';
// The commands a key or a paste sends in the live editor.
import { CONTROLLED_TEXT_INSERTION_COMMAND, DELETE_CHARACTER_COMMAND, INSERT_PARAGRAPH_COMMAND, PASTE_COMMAND, REMOVE_TEXT_COMMAND } from 'lexical';
import { describe, expect, it } from 'vitest';
import { documentAnchors } from './anchors';
import { blocksToDocument } from './blocksToDocument';
import { copyRange, createNoteEditor, redo, selectRange, serialize, undo } from './editing';
import type { SerializedNode } from './paste';
import { noteNodes } from './nodes';
import { $blockOf, $isNoteSectionNode, $noteBlocks, NoteSectionNode, SECTION_BLOCKS, withoutSections } from './NoteSectionNode';
import { openNoteDocument } from './openDocument';

const note = (n: number) =>
  blocksToDocument(
    Array.from({ length: n }, (_, i) =>
      i % 7 === 3 ? { kind: 'paragraph' as const, runs: [{ text: `P0${10 + (i % 5)}: turn ${i} said this` }] } : { kind: 'paragraph' as const, runs: [{ text: `Block ${i} of the note.` }] },
    ),
  );

/** What the clipboard holds for the next PASTE_COMMAND (the live PastePlugin inserts Lexical's JSON likewise). */
let clipboard: SerializedNode[] = [];

/** A note editor driven as the live one is, by commands: rich text, history, and a paste of `clipboard`. */
function commanded(editor: LexicalEditor): LexicalEditor {
  registerRichText(editor);
  editor.registerCommand(
    PASTE_COMMAND,
    () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(clipboard as never), selection);
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
  return editor;
}

/** The live editor's shape without a DOM: sections, the note's transforms and history, rich-text commands. */
function sectionedEditor(document: string): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...noteNodes, NoteSectionNode], onError: (e) => { throw e; } });
  registerHistory(editor, createEmptyHistoryState(), 0);
  openNoteDocument(editor, document);
  return commanded(editor);
}

const plainEditor = (document: string) => commanded(createNoteEditor(document));

/** Select plain-text positions [start, end), then run `command` on them in an update of its own, as a key does. */
function run<P>(editor: LexicalEditor, start: number, end: number, command: LexicalCommand<P>, payload: P): boolean {
  if (!selectRange(editor, start, end)) return false;
  editor.update(() => void editor.dispatchCommand(command, payload), { discrete: true });
  return true;
}
const deleteRange = (editor: LexicalEditor, start: number, end: number) => run(editor, start, end, REMOVE_TEXT_COMMAND, null);
const insertText = (editor: LexicalEditor, at: number, text: string) => run(editor, at, at, CONTROLLED_TEXT_INSERTION_COMMAND, text);
const splitParagraph = (editor: LexicalEditor, at: number) => run(editor, at, at, INSERT_PARAGRAPH_COMMAND, undefined);
const paste = (editor: LexicalEditor, at: number) => run(editor, at, at, PASTE_COMMAND, {} as never);

const saved = (editor: LexicalEditor) => JSON.stringify(withoutSections(editor.getEditorState().toJSON()));
const sizes = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $getRoot().getChildren().map((s) => ($isNoteSectionNode(s) ? s.getChildrenSize() : -1)));

/** Backspace (or Delete) with the caret at the start (end) of block `index`, as the rich-text handler takes it. */
function deleteAtEdge(editor: LexicalEditor, index: number, backward: boolean): void {
  editor.update(
    () => {
      const block = $noteBlocks()[index]!;
      if (!$isElementNode(block)) throw new Error('not an element');
      if (backward) block.selectStart();
      else block.selectEnd();
      editor.dispatchCommand(DELETE_CHARACTER_COMMAND, backward);
    },
    { discrete: true },
  );
}

describe('the live note in sections (issue 11)', () => {
  it('opens in sections of SECTION_BLOCKS, and saves and walks as the blocks alone', () => {
    const document = note(2 * SECTION_BLOCKS + 20);
    const editor = sectionedEditor(document);
    expect(sizes(editor)).toEqual([SECTION_BLOCKS, SECTION_BLOCKS, 20]);
    expect(saved(editor)).toBe(serialize(createNoteEditor(document)));
    expect(documentAnchors(saved(editor)).plainText).toBe(documentAnchors(document).plainText);
    editor.getEditorState().read(() => {
      const block = $noteBlocks()[SECTION_BLOCKS + 3]!;
      expect($isElementNode(block) && $blockOf(block.getFirstDescendant()!)?.is(block)).toBe(true);
    });
  });

  it('Backspace at a section’s first block joins it to the block before, Delete at its last joins the next', () => {
    const document = note(2 * SECTION_BLOCKS + 5);
    const plain = plainEditor(document);
    const live = sectionedEditor(document);
    for (const editor of [plain, live]) {
      deleteAtEdge(editor, SECTION_BLOCKS, true);
      deleteAtEdge(editor, 2 * SECTION_BLOCKS - 2, false);
    }
    expect(saved(live)).toBe(serialize(plain));
    expect(documentAnchors(saved(live)).plainText).toContain(`Block ${SECTION_BLOCKS - 1} of the note.Block ${SECTION_BLOCKS} of the note.`);
    expect(sizes(live).reduce((a, b) => a + b)).toBe(2 * SECTION_BLOCKS + 3);
    undo(live);
    undo(live);
    expect(saved(live)).toBe(serialize(createNoteEditor(document)));
  });

  it('a selection across sections typed over or deleted leaves what it does without them, and no empty section', () => {
    const document = note(3 * SECTION_BLOCKS);
    const plain = plainEditor(document);
    const live = sectionedEditor(document);
    const text = documentAnchors(document).plainText;
    const from = text.indexOf(`Block 20 `) + 3;
    const to = text.indexOf(`Block 120 `) + 5;
    for (const editor of [plain, live]) {
      expect(deleteRange(editor, from, to)).toBe(true);
      expect(insertText(editor, from, 'typed over')).toBe(true);
    }
    expect(saved(live)).toBe(serialize(plain));
    expect(sizes(live).every((n) => n > 0)).toBe(true);
  });

  it('everything deleted leaves the paragraph in a section; a section grown past twice its size is split', () => {
    const live = sectionedEditor(note(SECTION_BLOCKS));
    const length = documentAnchors(saved(live)).plainText.length;
    expect(deleteRange(live, 0, length)).toBe(true);
    expect(sizes(live)).toEqual([1]);
    const grown = sectionedEditor(note(2 * SECTION_BLOCKS));
    const end = documentAnchors(saved(grown)).plainText.indexOf('Block 10 ') + 3;
    for (let i = 0; i <= SECTION_BLOCKS; i++) expect(splitParagraph(grown, end)).toBe(true);
    expect(sizes(grown)).toEqual([SECTION_BLOCKS, SECTION_BLOCKS + 1, SECTION_BLOCKS]);
  });

  it('random edits, cuts, pastes and undos leave the same document as an editor without sections', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('type', 'delete', 'split', 'move', 'undo', 'redo', 'backspace'),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            span: fc.double({ min: 0, max: 0.6, noNaN: true }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (steps) => {
          const document = note(2 * SECTION_BLOCKS + 10);
          const plain = plainEditor(document);
          const live = sectionedEditor(document);
          for (const { op, at, span } of steps) {
            const length = documentAnchors(serialize(plain)).plainText.length;
            const start = Math.floor(at * length);
            const end = Math.min(length, start + Math.floor(span * length));
            const blocks = plain.getEditorState().read(() => $noteBlocks().length);
            const copied = copyRange(plain, start, end);
            const done = [plain, live].map((editor) => {
              if (op === 'type') return insertText(editor, start, 'P012: x');
              if (op === 'delete') return deleteRange(editor, start, end);
              if (op === 'split') return splitParagraph(editor, start);
              if (op === 'undo') return undo(editor), true;
              if (op === 'redo') return redo(editor), true;
              // Not the note's first block: with nothing before it, Lexical asks the DOM (none here).
              if (op === 'backspace') return deleteAtEdge(editor, Math.max(1, Math.min(blocks - 1, Math.floor(at * blocks))), true), true;
              clipboard = copied ?? [];
              return copied !== null && deleteRange(editor, start, end) && paste(editor, Math.floor(start / 2));
            });
            expect(done[1]).toBe(done[0]);
            expect(saved(live)).toBe(serialize(plain));
          }
          expect(sizes(live).every((n) => n > 0 && n <= 2 * SECTION_BLOCKS)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('copies blocks, never their section', () => {
    const live = sectionedEditor(note(2 * SECTION_BLOCKS));
    const text = documentAnchors(saved(live)).plainText;
    const copied = copyRange(live, text.indexOf('Block 48 '), text.indexOf('Block 53 '))!;
    expect(JSON.stringify(copied)).not.toContain('note-section');
    expect(copied).toEqual(copyRange(createNoteEditor(note(2 * SECTION_BLOCKS)), text.indexOf('Block 48 '), text.indexOf('Block 53 ')));
    live.getEditorState().read(() => {
      const selection = $getSelection();
      expect($isRangeSelection(selection) && $isTextNode(selection.anchor.getNode())).toBe(true);
    });
  });
});
