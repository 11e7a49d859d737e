import { $getClipboardDataFromSelection, copyToClipboard } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $addUpdateTag, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, COPY_COMMAND, CUT_COMMAND, CUT_TAG, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $copiedNodes, $enclosingMarks } from '../../../shared/note/copy';

/**
 * Copy and cut from inside a passage carry the passage, cut to the span (copy.ts says why). Everywhere else
 * Lexical's own copy already does, and handles it.
 */
function handle(editor: LexicalEditor, event: ClipboardEvent | KeyboardEvent | null, cut: boolean): boolean {
  const selection = $getSelection();
  if (!(event instanceof ClipboardEvent) || !$isRangeSelection(selection) || !$enclosingMarks(selection).length) return false;
  const data = $getClipboardDataFromSelection(selection);
  data['application/x-lexical-editor'] = JSON.stringify({ namespace: editor._config.namespace, nodes: $copiedNodes(editor, selection) });
  // With an event, the clipboard is written synchronously, inside this update, before the removal below.
  void copyToClipboard(editor, event, data);
  if (cut) {
    // CUT_TAG makes the cut its own undo step, as Lexical's cut is.
    $addUpdateTag(CUT_TAG);
    selection.removeText();
  }
  return true;
}

export function CopyPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(COPY_COMMAND, (event) => handle(editor, event, false), COMMAND_PRIORITY_HIGH),
        editor.registerCommand(CUT_COMMAND, (event) => handle(editor, event, true), COMMAND_PRIORITY_HIGH),
      ),
    [editor],
  );
  return null;
}
