import { MarkNode } from '@lexical/mark';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';

/**
 * Which mark nodes carry which passage ids, kept current by Lexical's
 * mutation listener, so finding a passage's marks never walks the document.
 */
export class MarkIndex {
  private readonly idsByKey = new Map<NodeKey, string[]>();
  private readonly listeners = new Set<(changed: NodeKey[]) => void>();

  attach(editor: LexicalEditor): () => void {
    return editor.registerMutationListener(
      MarkNode,
      (mutations) => {
        const changed: NodeKey[] = [];
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') {
              this.idsByKey.delete(key);
              continue;
            }
            const node = $getNodeByKey<MarkNode>(key);
            if (node) this.idsByKey.set(key, node.getIDs());
            changed.push(key);
          }
        });
        this.listeners.forEach((l) => l(changed));
      },
      { skipInitialization: false },
    );
  }

  onChange(listener: (changed: NodeKey[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  entries(): [NodeKey, string[]][] {
    return [...this.idsByKey.entries()];
  }

  keysOf(passageId: string): NodeKey[] {
    return this.entries()
      .filter(([, ids]) => ids.includes(passageId))
      .map(([key]) => key);
  }

  allIds(): Set<string> {
    return new Set(this.entries().flatMap(([, ids]) => ids));
  }
}
