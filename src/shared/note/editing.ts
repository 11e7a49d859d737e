/**
 * A note editor without a DOM, driven by plain-text positions: how tests (and
 * later, batch tools) make the same edits a reviewer makes, through the same
 * nodes, transforms and history as the live editor.
 */
import { $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $wrapSelectionInMarkNode } from '@lexical/mark';
import {
  $createRangeSelection,
  $getSelection,
  $isRangeSelection,
  $isElementNode,
  $isTextNode,
  $setSelection,
  PASTE_TAG,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { codePointLength, walkNoteText, type NoteTree } from './walk';
import { $splitAtSelectionEnd } from './deletion';
import { noteNodes, registerNoteTransforms } from './nodes';
import { $noteBlocks } from './NoteSectionNode';
import { $copiedNodes } from './copy';
import { stripForeignMarks, type SerializedNode } from './paste';

export function createNoteEditor(document?: string): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: noteNodes, onError: (e) => { throw e; } });
  registerNoteTransforms(editor);
  // delay 0: every update is its own undo step, as separate keystrokes far apart would be.
  registerHistory(editor, createEmptyHistoryState(), 0);
  if (document) editor.setEditorState(editor.parseEditorState(document));
  return editor;
}

export const serialize = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON());

interface TextSpan {
  node: TextNode;
  start: number; // code points, canonical plain text
  end: number;
}

/** Live Lexical nodes, as the one plain-text walker (walk.ts) sees them. */
const liveTree: NoteTree<LexicalNode> = {
  type: (node) => node.getType(),
  text: (node) => ($isTextNode(node) ? node.getTextContent() : null),
  children: (node) => ($isElementNode(node) ? node.getChildren() : null),
};

/** Text nodes with their canonical positions, by the same walker as saving; call inside read/update. */
function $spans(): TextSpan[] {
  const spans: TextSpan[] = [];
  walkNoteText($noteBlocks(), liveTree, {
    piece(text, start, node) {
      if (node && $isTextNode(node)) spans.push({ node, start, end: start + codePointLength(text) });
    },
  });
  return spans;
}

/** UTF-16 offset of the `codePoints`-th code point of `text`. */
function utf16Offset(text: string, codePoints: number): number {
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen === codePoints) break;
    units += ch.length;
    seen++;
  }
  return units;
}

function $point(position: number, preferEnd: boolean): { key: string; offset: number } | null {
  const spans = $spans();
  const hit =
    (preferEnd ? spans.find((s) => position > s.start && position <= s.end) : undefined) ??
    spans.find((s) => position >= s.start && position <= s.end);
  if (!hit) return null;
  return { key: hit.node.getKey(), offset: utf16Offset(hit.node.getTextContent(), position - hit.start) };
}

/** Select plain-text positions [start, end); false if a position falls between blocks. */
function $select(start: number, end: number): boolean {
  const anchor = $point(start, false);
  const focus = $point(end, true);
  if (!anchor || !focus) return false;
  const selection = $createRangeSelection();
  selection.anchor.set(anchor.key, anchor.offset, 'text');
  selection.focus.set(focus.key, focus.offset, 'text');
  $setSelection(selection);
  return true;
}

const discrete = { discrete: true } as const;

/**
 * Put the caret or selection at plain-text positions in an update of its
 * own, as a click does before typing: history then records the edit that
 * follows as one undoable step.
 */
function select(editor: LexicalEditor, start: number, end: number): boolean {
  let ok = false;
  editor.update(() => {
    ok = $select(start, end);
  }, discrete);
  return ok;
}

/** Select plain-text positions in any note editor (e.g. to reveal a search hit); false if they are not in the text. */
export function selectRange(editor: LexicalEditor, start: number, end: number): boolean {
  return select(editor, start, end);
}

export function tagRange(editor: LexicalEditor, start: number, end: number, passageId: string): boolean {
  if (!select(editor, start, end)) return false;
  let done = false;
  editor.update(() => {
    const selection = $rangeSelection();
    if (!selection || selection.isCollapsed()) return;
    $wrapSelectionInMarkNode(selection, false, passageId);
    done = true;
  }, discrete);
  return done;
}

function $rangeSelection() {
  const selection = $getSelection();
  return $isRangeSelection(selection) ? selection : null;
}

export function insertText(editor: LexicalEditor, position: number, text: string): boolean {
  if (!select(editor, position, position)) return false;
  editor.update(() => {
    $rangeSelection()?.insertText(text);
  }, discrete);
  return true;
}

export function deleteRange(editor: LexicalEditor, start: number, end: number): boolean {
  if (!select(editor, start, end)) return false;
  editor.update(() => {
    const selection = $rangeSelection();
    if (!selection) return;
    $splitAtSelectionEnd(selection);
    selection.removeText();
  }, discrete);
  return true;
}

export function splitParagraph(editor: LexicalEditor, position: number): boolean {
  if (!select(editor, position, position)) return false;
  editor.update(() => {
    $rangeSelection()?.insertParagraph();
  }, discrete);
  return true;
}

/** What copying plain-text positions [start, end) puts on the clipboard, as the live copy does (copy.ts). */
export function copyRange(editor: LexicalEditor, start: number, end: number): SerializedNode[] | null {
  if (!select(editor, start, end)) return null;
  let nodes: SerializedNode[] | null = null;
  editor.read(() => {
    const selection = $rangeSelection();
    if (selection) nodes = $copiedNodes(editor, selection);
  });
  return nodes;
}

/** Cut: copy, then delete the same range (one undoable step, as the editor's cut is). */
export function cutRange(editor: LexicalEditor, start: number, end: number): SerializedNode[] | null {
  const nodes = copyRange(editor, start, end);
  if (nodes) deleteRange(editor, start, end);
  return nodes;
}

/** Paste clipboard nodes at a position as the live editor's paste does: only the marks `keep` allows (paste.ts). */
export function pasteNodes(editor: LexicalEditor, position: number, nodes: SerializedNode[], keep: (id: string) => boolean): boolean {
  if (!select(editor, position, position)) return false;
  editor.update(() => {
    const selection = $rangeSelection();
    if (selection) $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(stripForeignMarks(nodes, keep) as never), selection);
  }, { ...discrete, tag: PASTE_TAG });
  return true;
}

/** Undo one step. History sets the earlier state as a pending update; commit it now, as the next frame would. */
export const undo = (editor: LexicalEditor) => {
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  editor.update(() => {}, discrete);
};
export const redo = (editor: LexicalEditor) => {
  editor.dispatchCommand(REDO_COMMAND, undefined);
  editor.update(() => {}, discrete);
};
