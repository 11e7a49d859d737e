import type { LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';
import type { Note } from '../../shared/domain/note';
import type { Passage } from '../../shared/domain/passage';
import { api } from '../api/client';
import type { SaveStatus } from '../features/notes/autosave';
import { trackAutosaver } from '../features/notes/flushAll';
import { NoteSaver } from '../features/notes/noteSaver';

export interface NoteSession {
  status: SaveStatus;
  passages: Passage[];
  setPassages: (update: (passages: Passage[]) => Passage[]) => void;
  /** Save now, creating a passage whose mark was just put in the document. */
  createPassage: (id: string, themeIds: string[]) => Promise<string | null>;
}

/**
 * The open note's saving, wired to the editor: every content change touches
 * the autosaver; blur, page hide, switching notes (unmount) and window close
 * (flushAllNotes) flush it. Passages come back with every save.
 */
export function useNoteSession(editor: LexicalEditor, note: Note, onSaved?: (wordCount: number) => void): NoteSession {
  const [saver] = useState(() => new NoteSaver(note.id, note.revision, () => JSON.stringify(editor.getEditorState().toJSON())));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: Date.parse(note.updatedAt) });
  const [passages, setPassages] = useState<Passage[]>([]);

  useEffect(() => {
    saver.setOnSaved((result) => {
      setPassages(result.passages);
      onSaved?.(result.wordCount);
    });
  }, [saver, onSaved]);

  useEffect(() => {
    const { autosaver } = saver;
    let current = true;
    void api()
      .call('passages.forNote', { noteId: note.id })
      .then((r) => current && r.ok && setPassages(r.value));
    const offStatus = autosaver.onStatus(setStatus);
    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
      // Selection moves and the initial load change nothing worth saving.
      if (prevEditorState.isEmpty() || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
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
      current = false;
      offUpdate();
      offRoot();
      offStatus();
      window.removeEventListener('pagehide', flush);
      untrack();
      void autosaver.flush().finally(() => autosaver.dispose());
    };
  }, [editor, saver, note.id]);

  return { status, passages, setPassages, createPassage: (id, themeIds) => saver.createPassage(id, themeIds) };
}
