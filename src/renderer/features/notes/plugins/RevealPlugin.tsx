import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { selectRange } from '../../../../shared/note/editing';
import type { NoteLocation } from '../../../app/navigation';

/** Show the place a jump asked for: select the passage or range, scroll it into view, focus the note. */
export function RevealPlugin({ reveal, passageRange }: { reveal?: NoteLocation; passageRange?: { start: number; end: number } }) {
  const [editor] = useLexicalComposerContext();
  const range = reveal?.range ?? passageRange;
  const start = range?.start;
  const end = range?.end;
  useEffect(() => {
    if (start === undefined || end === undefined) return;
    const timer = setTimeout(() => {
      if (!selectRange(editor, start, end)) return;
      editor.focus();
      window.getSelection()?.getRangeAt(0)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    }, 0);
    return () => clearTimeout(timer);
  }, [editor, start, end]);
  return null;
}
