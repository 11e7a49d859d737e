import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';

/**
 * Runs `prepare` inside the update of every command whose default handler removes the selected text before
 * doing its own work, or joins blocks at the caret, before that handler (the rich-text ones run after):
 * `backward` is the deletion's direction for Backspace and Delete (by character, word or line), else null.
 * Returns the unregister function.
 */
export function registerBeforeRemoval(editor: LexicalEditor, prepare: (backward: boolean | null) => void): () => void {
  const before = <P>(command: LexicalCommand<P>, backward: (payload: P) => boolean | null) =>
    editor.registerCommand(
      command,
      (payload) => {
        prepare(backward(payload));
        return false; // the command goes on to its own handler
      },
      COMMAND_PRIORITY_CRITICAL,
    );
  const direction = (isBackward: boolean) => isBackward;
  const none = () => null;
  return mergeRegister(
    before(DELETE_CHARACTER_COMMAND, direction),
    before(DELETE_WORD_COMMAND, direction),
    before(DELETE_LINE_COMMAND, direction),
    before(REMOVE_TEXT_COMMAND, none),
    before(CUT_COMMAND, none),
    before(CONTROLLED_TEXT_INSERTION_COMMAND, none),
    before(PASTE_COMMAND, none),
    before(DROP_COMMAND, none),
    before(INSERT_PARAGRAPH_COMMAND, none),
    before(INSERT_LINE_BREAK_COMMAND, none),
  );
}
