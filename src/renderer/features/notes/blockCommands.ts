import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { $blockOf } from '../../../shared/note/NoteSectionNode';
import { $isSpeakerLabelNode } from '../../../shared/note/SpeakerLabelNode';

/** Turn the selected blocks into a heading, paragraph or quote. */
export function setBlock(editor: LexicalEditor, kind: 'paragraph' | 'quote' | HeadingTagType): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () =>
      kind === 'paragraph' ? $createParagraphNode() : kind === 'quote' ? $createQuoteNode() : $createHeadingNode(kind),
    );
  });
}

export function toggleList(editor: LexicalEditor, ordered: boolean): void {
  const inList = editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return false;
    return selection.anchor.getNode().getParents().some((n) => n.getType() === 'list');
  });
  if (inList) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else editor.dispatchCommand(ordered ? INSERT_ORDERED_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined);
}

/** "[14:32] " at the caret: when something was said, to the minute. */
export function insertTimestamp(editor: LexicalEditor, now = new Date()): void {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `[${pad(now.getHours())}:${pad(now.getMinutes())}] `;
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) selection.insertText(stamp);
  });
}

/**
 * Make the caret's paragraph a speaker turn of `code` ("P014"): replaces an
 * existing label, or puts "P014: " at the start. The speaker transform turns
 * the prefix into a label node.
 */
export function setSpeaker(editor: LexicalEditor, code: string): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const block = $blockOf(selection.anchor.getNode());
    if (!block || !$isElementNode(block)) return;
    const first = block.getFirstChild();
    if ($isSpeakerLabelNode(first)) {
      first.setTextContent(`${code}:`);
      return;
    }
    if ($isTextNode(first)) {
      first.setTextContent(`${code}: ${first.getTextContent().replace(/^\s+/, '')}`);
    } else if (first) {
      first.insertBefore($createTextNode(`${code}: `));
    } else {
      block.append($createTextNode(`${code}: `));
    }
    block.selectEnd();
  });
}

/** The speaker code of the turn the caret is in ("P014"), or null when its paragraph is no speaker turn. */
export function speakerCodeAtCaret(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const block = $blockOf(selection.anchor.getNode());
    const first = block && $isElementNode(block) ? block.getFirstDescendant() : null;
    return $isSpeakerLabelNode(first) ? first.getSpeakerCode() : null;
  });
}
