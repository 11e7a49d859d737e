import { $createMarkNode, $isMarkNode, MarkNode } from '@lexical/mark';
import { mergeRegister } from '@lexical/utils';
import { $isElementNode, TextNode, type LexicalEditor, type LexicalNode } from 'lexical';

/** The passage ids marking a node: every mark between it and its block. */
function passageIds(node: LexicalNode): Set<string> {
  const ids = new Set<string>();
  for (let mark = node.getParent(); $isMarkNode(mark); mark = mark.getParent()) for (const id of mark.getIDs()) ids.add(id);
  return ids;
}

/** The text (or other leaf) right before or after a node in its block, across mark edges. */
function neighbour(node: LexicalNode, before: boolean): LexicalNode | null {
  for (let at: LexicalNode = node; ; ) {
    const sibling = before ? at.getPreviousSibling() : at.getNextSibling();
    if (sibling) return ($isElementNode(sibling) ? (before ? sibling.getLastDescendant() : sibling.getFirstDescendant()) : null) ?? sibling;
    const parent = at.getParent();
    if (!$isMarkNode(parent)) return null;
    at = parent;
  }
}

const sameIds = (node: LexicalNode | null, ids: string[]): node is MarkNode =>
  $isMarkNode(node) && node.getIDs().length === ids.length && ids.every((id) => node.hasID(id));

/**
 * Marks are kept flat: a mark inside a mark becomes sibling marks carrying both ids. Tagging over a tagged span
 * (Lexical's $wrapSelectionInMarkNode) and pasting nest them, and Lexical's typing then misplaces text: at the end
 * of a mark that ends its parent mark, the redirect out of the inner mark lands in an empty text node that is
 * redirected again, to *before* the outer mark — the typed word appeared at the far end of the passage (issue 12;
 * the passage model test, seed 399512).
 */
function $flatten(inner: MarkNode): void {
  const outer = inner.getParent();
  if (!$isMarkNode(outer)) return;
  const ids = outer.getIDs();
  for (const child of outer.getChildren()) {
    let piece: MarkNode;
    if ($isMarkNode(child)) {
      piece = child;
      for (const id of ids) piece.addID(id);
    } else {
      piece = $createMarkNode(ids);
      child.insertBefore(piece);
      piece.append(child);
    }
    outer.insertBefore(piece);
  }
  outer.remove();
}

/**
 * A passage is one stretch of text (it is stored as a range), but overlapping passages split one another's mark
 * into pieces, and Lexical never types into a mark at its edge: text typed where one piece of a passage meets the
 * next landed in neither, a hole in the middle of the passage that a later delete of its first piece turned into
 * a lost word (issue 12; the same test and seed). Text between two pieces of one passage joins it.
 */
function $fillHole(node: TextNode): void {
  const before = neighbour(node, true);
  const after = before && neighbour(node, false);
  if (!before || !after) return;
  const own = passageIds(node);
  const following = passageIds(after);
  const missing = [...passageIds(before)].filter((id) => following.has(id) && !own.has(id));
  if (!missing.length) return;
  // Into the piece beside it where there is one, so typing grows one text node rather than a mark per key.
  const previous = node.getPreviousSibling();
  const next = node.getNextSibling();
  if (sameIds(previous, missing)) previous.append(node);
  else if (sameIds(next, missing)) next.splice(0, 0, [node]);
  else {
    const mark = $createMarkNode(missing);
    node.insertBefore(mark);
    mark.append(node);
  }
}

/** Keep every note's passage marks flat and each passage one stretch; live and headless editors alike (nodes.ts). */
export function registerPassageMarks(editor: LexicalEditor): () => void {
  return mergeRegister(editor.registerNodeTransform(MarkNode, $flatten), editor.registerNodeTransform(TextNode, $fillHole));
}
