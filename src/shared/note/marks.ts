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

/**
 * The document with only the marks of `keep` left (a mark over several passages keeps the ids it may). For a
 * merge's conflict copy of a note: the passages both versions share stay with the original, so the copy keeps
 * only the marks of passages its version alone holds.
 */
export function keepingMarksOf(document: string, keep: ReadonlySet<string>): string {
  const filter = (nodes: SerializedNode[]): SerializedNode[] =>
    nodes.flatMap((node) => {
      const children = node.children ? filter(node.children) : undefined;
      if (node.type === 'mark') {
        const ids = Array.isArray(node.ids) ? (node.ids as unknown[]).filter((id): id is string => typeof id === 'string' && keep.has(id)) : [];
        if (ids.length === 0) return children ?? [];
        return [{ ...node, ids, ...(children ? { children } : {}) }];
      }
      return [children ? { ...node, children } : node];
    });
  const state = JSON.parse(document) as { root: SerializedNode };
  return JSON.stringify({ ...state, root: { ...state.root, children: filter(state.root.children ?? []) } });
}
