import { registerList } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { useLayoutEffect } from 'react';
import { registerNoteTransforms } from '../../../../shared/note/nodes';
import { openNoteDocument } from '../../../../shared/note/openDocument';

/**
 * The note's document and everything that transforms it: the list commands and transforms (in place of
 * Lexical's ListPlugin) and the note transforms ("P014:" at the start of a paragraph becomes a speaker
 * label; passage marks kept flat and whole), registered as headless editors do — before the document is
 * loaded (`openNoteDocument`, issue 11). A transform registered on a loaded editor marks every node of its
 * type dirty: the lists alone cost half a second as a 200,000-word note opened. A layout effect, so the
 * document is there before the other plugins' effects (the mark index, history, autosave) start.
 */
export function NoteDocumentPlugin({ document }: { document: string }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(
    () =>
      mergeRegister(
        registerList(editor),
        // A second run (React's strict mode in development) finds the document loaded: the transforms alone.
        editor.getEditorState().isEmpty() ? openNoteDocument(editor, document) : registerNoteTransforms(editor),
      ),
    // Only once per editor: later saves must not reset it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor],
  );
  return null;
}
