/** A serialized Lexical node, as far as marks care. */
interface SerializedNode {
  type: string;
  children?: SerializedNode[];
  [key: string]: unknown;
}

/**
 * The document with every passage mark unwrapped (its text stays where it was). For a copy of a note:
 * a passage belongs to one note by id, so a copy carrying the same marks would claim passages of another note.
 */
export function withoutMarks(document: string): string {
  const unwrap = (nodes: SerializedNode[]): SerializedNode[] =>
    nodes.flatMap((node) => {
      const children = node.children ? unwrap(node.children) : undefined;
      if (node.type === 'mark') return children ?? [];
      return [children ? { ...node, children } : node];
    });
  const state = JSON.parse(document) as { root: SerializedNode };
  return JSON.stringify({ ...state, root: { ...state.root, children: unwrap(state.root.children ?? []) } });
}
