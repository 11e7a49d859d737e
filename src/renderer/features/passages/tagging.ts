import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import {
  $createRangeSelectionFromDom,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  type LexicalNode,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import type { Passage } from '../../../shared/domain/passage';
import type { MarkIndex } from './markIndex';

/** The passage ids at the caret (or at the selection's anchor). */
export function $passageIdsAtSelection(): string[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const ids = new Set<string>();
  for (const node of [selection.anchor.getNode(), ...selection.getNodes()]) {
    for (const parent of node.getParents()) if ($isMarkNode(parent)) parent.getIDs().forEach((id) => ids.add(id));
    if ($isMarkNode(node)) node.getIDs().forEach((id) => ids.add(id));
  }
  return [...ids];
}

export type TagTarget = { kind: 'existing'; passageId: string } | { kind: 'new'; passageId: string } | { kind: 'none' };

/**
 * Decide what tagging the selection means, and for a new passage put its
 * mark in the document (in this same update, so undo removes it in one step).
 * Selecting exactly an existing passage's text adds the theme to that passage.
 */
export function markSelectionForTagging(editor: LexicalEditor, passages: Passage[]): TagTarget {
  let target: TagTarget = { kind: 'none' };
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
    const text = selection.getTextContent();
    if (!text.trim()) return;
    const here = $passageIdsAtSelection();
    const exact = passages.find((p) => here.includes(p.id) && !p.detached && p.quotedText === text);
    if (exact) {
      target = { kind: 'existing', passageId: exact.id };
      return;
    }
    const passageId = crypto.randomUUID();
    $wrapSelectionInMarkNode(selection, selection.isBackward(), passageId);
    // Leave the caret just after the new passage, as after typing it: continuing to type goes on from there.
    $lastMarkOf(passageId)?.selectNext(0, 0);
    target = { kind: 'new', passageId };
    // Discrete: commit now, so the save that follows serializes the document with the mark in it.
  }, { discrete: true });
  return target;
}

/** Take a passage's marks out of the document (its text stays). */
export function removePassageMarks(editor: LexicalEditor, index: MarkIndex, passageId: string): void {
  editor.update(() => {
    for (const key of index.keysOf(passageId)) {
      const mark = $getNodeByKey<MarkNode>(key);
      if (!mark) continue;
      mark.deleteID(passageId);
      if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
    }
  }, { discrete: true });
}

/** The selected text's bounding box, to place the tag picker near it. */
export function selectionRect(): DOMRect | null {
  const range = window.getSelection()?.rangeCount ? window.getSelection()!.getRangeAt(0) : null;
  return range ? range.getBoundingClientRect() : null;
}

export const $isTaggableText = () => {
  const selection = $getSelection();
  return $isRangeSelection(selection) && !selection.isCollapsed() && selection.getNodes().some($isTextNode);
};

/**
 * Take the selection from the page before the picker takes focus: Lexical
 * learns of selection changes a moment late (selectionchange is async), and a
 * quick Shift+Arrow then Ctrl+M must tag exactly what is highlighted.
 */
export function syncSelectionFromDom(editor: LexicalEditor): void {
  const dom = window.getSelection();
  const root = editor.getRootElement();
  if (!dom || !root || !dom.anchorNode || !root.contains(dom.anchorNode)) return;
  editor.update(
    () => {
      const selection = $createRangeSelectionFromDom(dom, editor);
      if (selection) $setSelection(selection);
    },
    { discrete: true },
  );
}

/** The last mark node carrying a passage id, in document order. */
function $lastMarkOf(passageId: string): MarkNode | null {
  let last: MarkNode | null = null;
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node) && node.hasID(passageId)) last = node;
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return last;
}
