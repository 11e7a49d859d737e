import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { Autosaver, type SaveStatus } from '../../features/notes/autosave';
import { trackAutosaver } from '../../features/notes/flushAll';

interface Props {
  noteId: string;
  revision: number;
  onStatus: (status: SaveStatus) => void;
  onSaved?: (wordCount: number) => void;
}

/**
 * Saves the note as it is typed (see Autosaver for when), and on blur, on
 * switching notes (unmount), on page hide and when the window is closing.
 * The document is serialized at save time, so each save carries everything
 * typed up to that moment.
 */
export function AutosavePlugin({ noteId, revision: initialRevision, onStatus, onSaved }: Props) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let revision = initialRevision;
    const autosaver = new Autosaver(async () => {
      const document = JSON.stringify(editor.getEditorState().toJSON());
      const result = await api().call('notes.save', { id: noteId, document, baseRevision: revision });
      if (!result.ok) return result.error.message;
      revision = result.value.revision;
      onSaved?.(result.value.wordCount);
      return null;
    });
    const offStatus = autosaver.onStatus(onStatus);
    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      // Selection moves and the initial load change nothing worth saving.
      if (tags.has('fieldnotes-load') || prevEditorState.isEmpty()) return;
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      autosaver.touch();
    });
    const flush = () => void autosaver.flush();
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('blur', flush);
      root?.addEventListener('blur', flush);
    });
    window.addEventListener('pagehide', flush);
    const untrack = trackAutosaver(autosaver);
    return () => {
      offUpdate();
      offRoot();
      offStatus();
      window.removeEventListener('pagehide', flush);
      untrack();
      void autosaver.flush().finally(() => autosaver.dispose());
    };
    // The note (and its starting revision) defines the saver; callbacks are read when called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, noteId]);
  return null;
}
