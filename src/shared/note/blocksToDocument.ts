import { $createListItemNode, $createListNode } from '@lexical/list';
import { createHeadlessEditor } from '@lexical/headless';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import type { NoteBlock, TextRun } from '../domain/noteBlocks';
import { noteNodes } from './nodes';
import { registerSpeakerTurns } from './SpeakerLabelNode';

function $appendRuns(element: ElementNode, runs: TextRun[]): ElementNode {
  for (const run of runs) {
    if (!run.text) continue;
    const text = $createTextNode(run.text);
    if (run.bold) text.toggleFormat('bold');
    if (run.italic) text.toggleFormat('italic');
    element.append(text);
  }
  return element;
}

/**
 * Build a note's stored document from imported blocks, with the same nodes
 * and transforms as the live editor (headless; no DOM), so an imported note
 * opens exactly as it was built.
 */
export function blocksToDocument(blocks: NoteBlock[]): string {
  const editor = createHeadlessEditor({
    namespace: 'fieldnotes-import',
    nodes: noteNodes,
    onError: (error) => {
      throw error;
    },
  });
  registerSpeakerTurns(editor);
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
