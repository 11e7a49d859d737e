import { $getSelection, $isRangeSelection, $isTextNode, type LexicalEditor, type RangeSelection } from 'lexical';
import { $blockOf } from './NoteSectionNode';
import { registerBeforeRemoval } from './removal';

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
  const block = $blockOf(node);
  if (block && $blockOf(start.getNode())?.is(block)) return;
  const [, rest] = node.splitText(end.offset);
  if (rest) end.set(rest.getKey(), 0, 'text');
}

/** In the live editor: split before any command that removes the selection (the rich-text handlers run after). */
export function registerSafeDeletion(editor: LexicalEditor): () => void {
  return registerBeforeRemoval(editor, () => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $splitAtSelectionEnd(selection);
  });
}
