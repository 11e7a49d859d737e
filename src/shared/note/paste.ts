/** A node as Lexical's clipboard JSON carries it (application/x-lexical-editor). */
export interface SerializedNode {
  type?: string;
  ids?: string[];
  children?: SerializedNode[];
  [key: string]: unknown;
}

/**
 * Keep only the marks a paste may bring: a passage of this note that is not
 * in the document any more (it was cut, and is being moved). A copy of a
 * passage that is still here, or one from another note, becomes plain text —
 * one passage id never stands in two places. The live editor's paste
 * (PastePlugin) and the headless one (editing.ts) both go through this.
 */
export function stripForeignMarks(nodes: SerializedNode[], keep: (id: string) => boolean): SerializedNode[] {
  return nodes.flatMap((node) => {
    const children = node.children ? stripForeignMarks(node.children, keep) : undefined;
    if (node.type !== 'mark') return [{ ...node, ...(children ? { children } : {}) }];
    const ids = (node.ids ?? []).filter(keep);
    return ids.length ? [{ ...node, ids, children }] : (children ?? []);
  });
}
