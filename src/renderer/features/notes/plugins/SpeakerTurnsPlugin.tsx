import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerNoteTransforms } from '../../../../shared/note/nodes';

/** The note transforms ("P014:" at the start of a paragraph becomes a speaker label; passage marks kept flat and whole), registered as headless editors do. */
export function SpeakerTurnsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerNoteTransforms(editor), [editor]);
  return null;
}
