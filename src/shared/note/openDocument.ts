import { $getRoot, $isElementNode, $parseSerializedNode, HISTORY_MERGE_TAG, type LexicalEditor, type LexicalNode, type SerializedLexicalNode } from 'lexical';
import { registerNoteTransforms } from './nodes';
import { $noteBlocks, $sectioned, hasSections } from './NoteSectionNode';
import { SPEAKER_PREFIX, WHOLE_LABEL } from './SpeakerLabelNode';

/** A stored node as far as the note transforms look at it. */
interface StoredNode {
  type: string;
  text?: string;
  mode?: string;
  ids?: string[];
  children?: StoredNode[];
}

/**
 * Open a stored document in an editor (issue 11): the note transforms registered first, then every block
 * built in one update that skips the transforms, then — only for a block not already in their shape — a
 * second update that runs them on that block.
 *
 * Why not `setEditorState(parseEditorState(…))`: Lexical marks every node of a parsed state dirty, so each of
 * the 200,000-word note's 20,000 nodes went through the transforms and normalisation as it opened (~0.2 s of
 * its open at load). A stored document was written by an editor running these same transforms (the live one,
 * or the headless one that builds imports), so it is their fixed point and they would change nothing. The
 * note's own transforms have grown with the project (speaker labels, flat marks, passages without holes), so
 * a block stored before one of them existed is found by `inShape` and shaped as before. Not an undo step.
 */
export function openNoteDocument(editor: LexicalEditor, document: string): () => void {
  const unregister = registerNoteTransforms(editor);
  const t0 = performance.now();
  const { root } = JSON.parse(document) as { root: SerializedLexicalNode & { children: StoredNode[] } };
  const unshaped = root.children.flatMap((block, i) => (inShape(block) ? [] : [i]));
  const t1 = performance.now();
  let t2 = t1;
  editor.update(
    () => {
      const top = $getRoot();
      top.clear();
      // The root's own fields (direction, format, indent), as its importJSON reads them.
      top.updateFromJSON(root as Parameters<typeof top.updateFromJSON>[0]);
      const blocks = root.children.map((block) => $parseSerializedNode(block as unknown as SerializedLexicalNode));
      top.append(...(hasSections(editor) ? $sectioned(blocks) : blocks));
      t2 = performance.now();
    },
    { discrete: true, skipTransforms: true, tag: HISTORY_MERGE_TAG },
  );
  if (unshaped.length) {
    editor.update(
      () => {
        const blocks = $noteBlocks();
        for (const i of unshaped) $markSubtreeDirty(blocks[i]!);
      },
      { discrete: true, tag: HISTORY_MERGE_TAG },
    );
  }
  // What bench/noteOpen.bench.ts reads as the parts of opening a note.
  performance.measure('note: parse', { start: t0, end: t1 });
  performance.measure('note: nodes', { start: t1, end: t2 });
  performance.measure('note: DOM', { start: t2, end: performance.now() });
  return unregister;
}

function $markSubtreeDirty(node: LexicalNode): void {
  node.markDirty();
  if ($isElementNode(node)) for (const child of node.getChildren()) $markSubtreeDirty(child);
}

/**
 * Whether the note transforms (nodes.ts) would leave a stored block as it is: every speaker label whole and
 * first in its element, no plain "P014:" text starting one, no mark inside a mark or empty, and no text between
 * two pieces of a passage that is not in it (passageMarks.ts's hole). Read from the stored JSON, in one walk.
 */
export function inShape(block: StoredNode): boolean {
  let shaped = true;
  const visit = (element: StoredNode, inMark: boolean) => {
    const children = element.children ?? [];
    let leaves = false;
    let elements = false;
    children.forEach((child, i) => {
      if (child.type === 'speaker-label') {
        if (i !== 0 || !WHOLE_LABEL.test(child.text ?? '')) shaped = false;
      } else if (child.type === 'text' && i === 0 && (child.mode ?? 'normal') === 'normal' && SPEAKER_PREFIX.test(child.text ?? '')) {
        shaped = false;
      }
      if (child.type === 'mark') {
        if (inMark || !child.children?.length) shaped = false;
      } else if (child.children) elements = true;
      else leaves = true;
      if (child.children) visit(child, child.type === 'mark');
    });
    if (!inMark && leaves && (elements || hasHole(element))) shaped = false;
  };
  visit(block, false);
  return shaped;
}

/** Text between two leaves of one passage that is not itself in it: what passageMarks.ts's $fillHole joins. */
function hasHole(container: StoredNode): boolean {
  const leaves: { type: string; ids: string[] }[] = [];
  const walk = (element: StoredNode, ids: string[]) => {
    for (const child of element.children ?? []) {
      if (child.type === 'mark') walk(child, [...ids, ...(child.ids ?? [])]);
      else leaves.push({ type: child.type, ids });
    }
  };
  walk(container, []);
  for (let i = 1; i < leaves.length - 1; i++) {
    const { type, ids } = leaves[i]!;
    if (type !== 'text') continue;
    const after = leaves[i + 1]!.ids;
    if (leaves[i - 1]!.ids.some((id) => after.includes(id) && !ids.includes(id))) return true;
  }
  return false;
}
