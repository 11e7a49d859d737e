import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';

/**
 * A deletion across blocks that ends inside a short text node — a "P014:" speaker label, a bold word —
 * throws in Lexical 0.52 ("invalid offset 3 for size 2"): it removes the selected start of that node,
 * then merges the blocks while the selection still points at the old offset, now past the node's end.
 * Splitting the node where the selection ends first leaves the end at offset 0 of what remains, which
 * is always valid; the text removed is the same. Only deletions are touched: moving the selection
 * itself out of labels broke tagging inside a label.
 */
export function $splitAtSelectionEnd(selection: RangeSelection): void {
  if (selection.isCollapsed()) return;
  const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  if (end.type !== 'text') return;
  const node = end.getNode();
  if (!$isTextNode(node) || end.offset <= 0 || end.offset >= node.getTextContentSize()) return;
  if (start.getNode().getTopLevelElement()?.is(node.getTopLevelElement())) return;
  const [, rest] = node.splitText(end.offset);
  if (rest) end.set(rest.getKey(), 0, 'text');
}

/** In the live editor: split before any command that removes the selection (the rich-text handlers run after). */
export function registerSafeDeletion(editor: LexicalEditor): () => void {
  const prepare = () => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $splitAtSelectionEnd(selection);
    return false;
  };
  const before = <P>(command: LexicalCommand<P>) => editor.registerCommand(command, prepare, COMMAND_PRIORITY_CRITICAL);
  // Every command whose default handler removes the selected text before doing its own work.
  return mergeRegister(
    before(DELETE_CHARACTER_COMMAND),
    before(DELETE_WORD_COMMAND),
    before(DELETE_LINE_COMMAND),
    before(REMOVE_TEXT_COMMAND),
    before(CUT_COMMAND),
    before(CONTROLLED_TEXT_INSERTION_COMMAND),
    before(PASTE_COMMAND),
    before(DROP_COMMAND),
    before(INSERT_PARAGRAPH_COMMAND),
    before(INSERT_LINE_BREAK_COMMAND),
  );
}
