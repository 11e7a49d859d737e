import { $createListItemNode, $createListNode } from '@lexical/list';
import { createHeadlessEditor } from '@lexical/headless';
import { $createMarkNode } from '@lexical/mark';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type LexicalNode } from 'lexical';
import type { NoteBlock, TextRun } from '../domain/noteBlocks';
import { noteNodes, registerNoteTransforms } from './nodes';

const marksKey = (run: TextRun) => (run.marks?.length ? run.marks.join('\u0000') : '');

/** A run's text as nodes: a "\n" inside a block is a line break node, as Shift+Enter makes in the editor. */
function $runNodes(run: TextRun): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  run.text.split('\n').forEach((line, i) => {
    if (i > 0) nodes.push($createLineBreakNode());
    if (!line) return;
    const text = $createTextNode(line);
    if (run.bold) text.toggleFormat('bold');
    if (run.italic) text.toggleFormat('italic');
    nodes.push(text);
  });
  return nodes;
}

/**
 * Append runs as text nodes. Consecutive runs in the same passages share one
 * mark node carrying those ids, the shape tagging in the editor gives them.
 */
function $appendRuns(element: ElementNode, runs: TextRun[]): ElementNode {
  let mark: ElementNode | null = null;
  let markKey = '';
  for (const run of runs) {
    if (!run.text) continue;
    const nodes = $runNodes(run);
    const key = marksKey(run);
    if (!key) {
      mark = null;
      element.append(...nodes);
      continue;
    }
    if (!mark || key !== markKey) {
      mark = $createMarkNode(run.marks);
      markKey = key;
      element.append(mark);
    }
    mark.append(...nodes);
  }
  return element;
}

function headlessEditor(namespace: string) {
  const editor = createHeadlessEditor({
    namespace,
    nodes: noteNodes,
    onError: (error) => {
      throw error;
    },
  });
  registerNoteTransforms(editor);
  return editor;
}

/**
 * Load a stored document into an editor with the live editor's nodes and
 * transforms, and serialize it again: a document the editor wrote comes back
 * byte for byte.
 */
export function reserialize(document: string): string {
  const editor = headlessEditor('fieldnotes-check');
  editor.setEditorState(editor.parseEditorState(document));
  editor.update(() => {}, { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}

/**
 * Build a note's stored document from imported blocks, with the same nodes
 * and transforms as the live editor (headless; no DOM), so an imported note
 * opens exactly as it was built.
 */
export function blocksToDocument(blocks: NoteBlock[]): string {
  const editor = headlessEditor('fieldnotes-import');
  editor.update(
    () => {
      const root = $getRoot();
      for (const block of blocks) {
        switch (block.kind) {
          case 'heading':
            root.append($appendRuns($createHeadingNode(`h${block.level}`), block.runs));
            break;
          case 'quote':
            root.append($appendRuns($createQuoteNode(), block.runs));
            break;
          case 'list': {
            const list = $createListNode(block.ordered ? 'number' : 'bullet');
            for (const item of block.items) list.append($appendRuns($createListItemNode(), item));
            root.append(list);
            break;
          }
          default:
            root.append($appendRuns($createParagraphNode(), block.runs));
        }
      }
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

/** The document of a new, empty note. */
export function emptyDocument(): string {
  return blocksToDocument([]);
}
