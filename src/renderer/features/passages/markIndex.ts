import { MarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';

/**
 * Which mark nodes carry which passage ids, both ways, kept current by
 * Lexical's mutation listener: finding a passage's marks, or a mark's
 * passages, is a map lookup — never a walk of the document or a scan of every
 * mark (with 4,000 marks, a scan per mark made each repaint quadratic).
 */
export class MarkIndex {
  private readonly idsByKey = new Map<NodeKey, string[]>();
  private readonly keysById = new Map<string, Set<NodeKey>>();
  private readonly listeners = new Set<(changed: NodeKey[]) => void>();

  attach(editor: LexicalEditor): () => void {
    return editor.registerMutationListener(
      MarkNode,
      (mutations) => {
        const updates: [NodeKey, string[] | null][] = [];
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey<MarkNode>(key);
            updates.push([key, node ? node.getIDs() : null]);
          }
        });
        this.apply(updates);
      },
      { skipInitialization: false },
    );
  }

  /** Record marks created or changed (their ids) and destroyed (null); tell listeners which still exist. */
  apply(updates: [NodeKey, string[] | null][]): void {
    const changed: NodeKey[] = [];
    for (const [key, ids] of updates) {
      for (const id of this.idsByKey.get(key) ?? []) {
        const keys = this.keysById.get(id);
        keys?.delete(key);
        if (keys?.size === 0) this.keysById.delete(id);
      }
      if (ids === null) {
        this.idsByKey.delete(key);
        continue;
      }
      this.idsByKey.set(key, ids);
      for (const id of ids) {
        let keys = this.keysById.get(id);
        if (!keys) this.keysById.set(id, (keys = new Set()));
        keys.add(key);
      }
      changed.push(key);
    }
    this.listeners.forEach((l) => l(changed));
  }

  onChange(listener: (changed: NodeKey[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every mark node's key. */
  keys(): NodeKey[] {
    return [...this.idsByKey.keys()];
  }

  /** The passage ids a mark carries. */
  idsOf(key: NodeKey): string[] {
    return this.idsByKey.get(key) ?? [];
  }

  keysOf(passageId: string): NodeKey[] {
    return [...(this.keysById.get(passageId) ?? [])];
  }

  allIds(): Set<string> {
    return new Set(this.keysById.keys());
  }
}
