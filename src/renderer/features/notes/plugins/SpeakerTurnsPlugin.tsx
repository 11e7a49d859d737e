import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerSpeakerTurns } from '../../../../shared/note/SpeakerLabelNode';

/** "P014:" at the start of a paragraph becomes a speaker label (same rule as imports). */
export function SpeakerTurnsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSpeakerTurns(editor), [editor]);
  return null;
}
