import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { useEffect, useRef } from 'react';
import { stripForeignMarks, type SerializedNode } from '../../../shared/note/paste';
import type { MarkIndex } from './markIndex';

export function PastePlugin({ index, notePassageIds }: { index: MarkIndex; notePassageIds: Set<string> }) {
  const [editor] = useLexicalComposerContext();
  const known = useRef(notePassageIds);
  useEffect(() => {
    known.current = notePassageIds;
  }, [notePassageIds]);
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = event instanceof ClipboardEvent ? event.clipboardData : null;
          const lexical = data?.getData('application/x-lexical-editor');
          if (!data || !lexical || !lexical.includes('"mark"')) return false;
          const present = index.allIds();
          const keep = (id: string) => known.current.has(id) && !present.has(id);
          const parsed = JSON.parse(lexical) as { nodes: SerializedNode[] };
          const cleaned = new DataTransfer();
          cleaned.setData('application/x-lexical-editor', JSON.stringify({ ...parsed, nodes: stripForeignMarks(parsed.nodes, keep) }));
          cleaned.setData('text/plain', data.getData('text/plain'));
          event.preventDefault();
          // Tagged as a paste, like Lexical's own handler, so undo takes back the paste alone.
          editor.update(
            () => {
              const selection = $getSelection();
              if ($isRangeSelection(selection)) $insertDataTransferForRichText(cleaned, selection, editor);
            },
            { tag: PASTE_TAG },
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, index],
  );
  return null;
}
