import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { countWords } from '../../../../shared/note/text';

/** Count words at most every 300 ms: counting a long note on every keystroke would cost typing latency. */
export function WordCountPlugin({ onCount }: { onCount: (words: number) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const count = () => {
      timer = null;
      onCount(editor.getEditorState().read(() => countWords($getRoot().getTextContent())));
    };
    count();
    const off = editor.registerTextContentListener(() => {
      timer ??= setTimeout(count, 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [editor, onCount]);
  return null;
}
