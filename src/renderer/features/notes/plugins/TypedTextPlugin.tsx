import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $addUpdateTag,
  $getSelection,
  $isRangeSelection,
  $isRootNode,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  KEY_DOWN_COMMAND,
  mergeRegister,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';

/** The one character a plain key press types ("a", "É", " ", an emoji key), or null for any other key. */
function typedCharacter(event: KeyboardEvent): string | null {
  // A modifier may be a shortcut (or AltGr, which Chromium reports as Ctrl+Alt); 229 is a key an IME is processing.
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.keyCode === 229) return null;
  return [...event.key].length === 1 ? event.key : null;
}

/**
 * Typed characters are written into the note by Lexical, not by the browser (issue 11).
 *
 * Lexical lets Chromium insert a plain typed character itself and reads the text back on `input`. In the
 * 200,000-word note Chromium's insertion (`TypingCommand::InsertText`) lays the whole note out and syncs the
 * selection inside the key's task, before the frame would. So a `beforeinput` that types exactly the key just
 * pressed is cancelled and the character inserted through Lexical's update, which writes one text node; the
 * caret is brought into view after the frame has laid the change out (revealCaret), not by a forced layout.
 *
 * Everything else keeps Lexical's own handling: composition (IME, dead keys), autocorrect and text
 * replacement (no key of theirs), Enter, deletions, paste, a key with a modifier.
 */
export function registerTypedText(editor: LexicalEditor): () => void {
  let pressed: string | null = null;
  const reveal = afterNextFrame(() => revealCaret(editor));
  return mergeRegister(
    reveal.cancel,
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        pressed = editor.isComposing() ? null : typedCharacter(event);
        return false; // the key goes on to whatever else handles it
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      BEFORE_INPUT_COMMAND,
      (event) => {
        const key = pressed;
        pressed = null;
        if (event.inputType !== 'insertText' || event.data === null || event.data !== key) return false;
        if (event.isComposing || editor.isComposing()) return false;
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        // As Lexical does before inserting: the caret where the browser would have typed.
        const [target] = typeof event.getTargetRanges === 'function' ? event.getTargetRanges() : [];
        if (target && !selection.dirty && selection.isCollapsed() && !$isRootNode(selection.anchor.getNode())) {
          selection.applyDOMRange(target);
        }
        event.preventDefault();
        // Lexical would measure the caret now, forcing a layout of the note inside the key's task; the frame
        // lays it out anyway, and the caret is brought into view once it has (revealCaret).
        $addUpdateTag(SKIP_SCROLL_INTO_VIEW_TAG);
        editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, event.data);
        reveal();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

/**
 * Runs `task` once after the next frame has been drawn, however often it is asked for before then: a task
 * queued from requestAnimationFrame runs after that frame's style, layout and paint, so measuring costs no
 * extra layout.
 */
function afterNextFrame(task: () => void): { (): void; cancel: () => void } {
  let frame = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => task();
  const ask = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      channel.port2.postMessage(null);
    });
  };
  ask.cancel = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    channel.port1.close();
  };
  return ask;
}

/** The caret's box: a collapsed range in text can measure empty, then the character before (or after) it does. */
function caretRect(range: Range): DOMRect {
  const rect = range.getBoundingClientRect();
  const { startContainer: node, startOffset: offset } = range;
  if (rect.height > 0 || node.nodeType !== Node.TEXT_NODE || !(node as Text).length) return rect;
  const character = document.createRange();
  character.setStart(node, Math.max(0, offset - 1));
  character.setEnd(node, Math.min((node as Text).length, Math.max(1, offset)));
  return character.getBoundingClientRect();
}

/** The nearest ancestor of the note that scrolls it. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let at = element.parentElement; at; at = at.parentElement) {
    if (/^(auto|scroll)$/.test(getComputedStyle(at).overflowY)) return at;
  }
  return null;
}

/** Scrolls the note just enough that the caret is in view, as typing does in any editor. */
function revealCaret(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const selection = root?.ownerDocument.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || !root.contains(selection.focusNode)) return;
  const scroller = scrollerOf(root);
  if (!scroller) return;
  const caret = caretRect(selection.getRangeAt(0));
  if (caret.height === 0) return;
  const view = scroller.getBoundingClientRect();
  if (caret.bottom > view.bottom) scroller.scrollTop += caret.bottom - view.bottom;
  else if (caret.top < view.top) scroller.scrollTop -= view.top - caret.top;
}

export function TypedTextPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTypedText(editor), [editor]);
  return null;
}
