import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelectionFromDom, $setSelection, COMMAND_PRIORITY_CRITICAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

/** A key that may run an app command (Ctrl+K, Ctrl+Shift+S, F2…) rather than edit the text. */
function isShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey || /^F\d{1,2}$/.test(event.key);
}

/**
 * Brings Lexical's caret up to the browser's before a shortcut can leave the note.
 *
 * Lexical learns of a click or an arrow key from the document's `selectionchange`, which the browser queues as a
 * task; a shortcut pressed before that task runs (Ctrl+K straight after a click) would read the caret the note
 * had before, and once the palette takes focus the late `selectionchange` lands outside the note and is ignored.
 * So "Link speaker…" from the palette linked the turn the caret had just left.
 */
export function CaretSyncPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isShortcut(event) || event.isComposing || editor.isComposing()) return false;
          const root = editor.getRootElement();
          const dom = root?.ownerDocument.getSelection();
          if (!root || !dom || dom.rangeCount === 0 || !root.contains(dom.anchorNode)) return false;
          const caret = $createRangeSelectionFromDom(dom, editor);
          if (caret) $setSelection(caret);
          return false; // the key goes on to whatever handles it
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor],
  );
  return null;
}
