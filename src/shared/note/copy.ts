import { $generateJSONFromSelectedNodes } from '@lexical/clipboard';
import { $isMarkNode, type MarkNode } from '@lexical/mark';
import type { LexicalEditor, LexicalNode, RangeSelection } from 'lexical';
import type { SerializedNode } from './paste';

/**
 * The passages a selection lies wholly inside, innermost first. Lexical copies a mark only when the selection
 * reaches one of its edges (or holds all of it), so a span cut from the middle of a passage came out as plain
 * text while one starting at the passage's first letter carried it: which passages a cut carried depended on
 * where it began (issue 12; the passage model test, seed 399512). Empty for a collapsed selection.
 */
export function $enclosingMarks(selection: RangeSelection): MarkNode[] {
  if (selection.isCollapsed()) return [];
  const focus = selection.focus.getNode();
  let node: LexicalNode | null = selection.anchor.getNode();
  while (node && node !== focus && !node.isParentOf(focus)) node = node.getParent();
  const marks: MarkNode[] = [];
  for (; node; node = node.getParent()) if ($isMarkNode(node)) marks.push(node);
  return marks;
}

/** The ids of the marks Lexical's JSON already wraps the whole copied span in (one mark holding all of it). */
function wrappingIds(nodes: SerializedNode[]): Set<string> {
  const ids = new Set<string>();
  for (let level = nodes; level.length === 1 && level[0]!.type === 'mark'; level = level[0]!.children ?? []) {
    ids.add(JSON.stringify(level[0]!.ids ?? []));
  }
  return ids;
}

/**
 * What copying a selection of a note puts on the clipboard as Lexical's JSON: Lexical's own nodes, wrapped in the
 * passages the selection lies inside, so every passage a span touches travels with it, cut to the span. Whether a
 * passage may come back is the paste's decision (paste.ts). The live editor's copy and cut (CopyPlugin) and the
 * headless ones (editing.ts) both go through this; call inside a read or update.
 */
export function $copiedNodes(editor: LexicalEditor, selection: RangeSelection): SerializedNode[] {
  let nodes = $generateJSONFromSelectedNodes(editor, selection).nodes as SerializedNode[];
  if (!nodes.length) return nodes;
  const already = wrappingIds(nodes);
  for (const mark of $enclosingMarks(selection)) {
    if (already.has(JSON.stringify(mark.getIDs()))) continue;
    nodes = [{ ...(mark.exportJSON() as SerializedNode), children: nodes }];
  }
  return nodes;
}
