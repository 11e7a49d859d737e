import {
  $exportNodeJSON,
  $getRoot,
  $isElementNode,
  HISTORIC_TAG,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { $noteBlocks, withoutSections } from '../../../shared/note/NoteSectionNode';

/**
 * The note's document as its top-level blocks' JSON, each serialized once and kept until an update
 * touches it (issue 11). Serializing a 200,000-word note whole took most of a frame budget ten times
 * over on every autosave; typing touches one paragraph, so a save serializes one.
 *
 * Lexical lists every ancestor of a changed node among an update's dirty elements, so a top-level block
 * whose key is not among them is unchanged. Undo and redo swap in an earlier editor state wholesale
 * (only the root is reported dirty, and earlier versions of nodes come back under the same keys), so
 * those updates forget everything.
 */
export class BlockSerializer {
  private readonly byKey = new Map<NodeKey, string>();
  private readonly off: () => void;

  constructor(private readonly editor: LexicalEditor) {
    this.off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      if (tags.has(HISTORIC_TAG) || (dirtyElements.size === 1 && dirtyLeaves.size === 0 && dirtyElements.has('root'))) {
        this.byKey.clear();
        return;
      }
      for (const key of dirtyElements.keys()) this.byKey.delete(key);
    });
  }

  /** Every top-level block's JSON, in order; unchanged blocks are the same string objects as last time. */
  blocks(): string[] {
    return this.editor.getEditorState().read(() => {
      const seen = new Set<NodeKey>();
      const blocks = $noteBlocks().map((node) => {
          const key = node.getKey();
          seen.add(key);
          let json = this.byKey.get(key);
          if (json === undefined) this.byKey.set(key, (json = JSON.stringify($exportTree(node))));
          return json;
        });
      if (this.byKey.size > seen.size) for (const key of this.byKey.keys()) if (!seen.has(key)) this.byKey.delete(key);
      return blocks;
    });
  }

  /** The whole document, exactly as `JSON.stringify(editorState.toJSON())` writes it. */
  document(blocks: string[] = this.blocks()): string {
    const { before, after } = this.editor.getEditorState().read(() => {
      const frame = JSON.stringify({ root: { ...$exportNodeJSON($getRoot()), children: [] } });
      const at = frame.indexOf('"children":[]') + '"children":['.length;
      return { before: frame.slice(0, at), after: frame.slice(at) };
    });
    return before + blocks.join(',') + after;
  }

  /**
   * Whether the kept blocks still make the editor's document, checked against a whole export (a long
   * task in a long note: only when the person has left the note). When not, everything is forgotten.
   */
  verify(): boolean {
    const whole = JSON.stringify(withoutSections(this.editor.getEditorState().toJSON()));
    if (this.document() === whole) return true;
    this.byKey.clear();
    return false;
  }

  dispose(): void {
    this.off();
  }
}

/** A node and its descendants as the editor state's own export writes them. */
function $exportTree(node: LexicalNode): object {
  const json: object = $exportNodeJSON(node);
  if ($isElementNode(node)) {
    const children = (json as { children: object[] }).children;
    for (const child of node.getChildren()) children.push($exportTree(child));
  }
  return json;
}
