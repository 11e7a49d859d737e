import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import type { Note } from '../../../shared/domain/note';
import type { Passage } from '../../../shared/domain/passage';
import { useQuery } from '../../api/queries';
import { withChangedPassages } from '../passages/changedPassages';
import type { SaveStatus } from './autosave';
import { BlockSerializer } from './blockSerializer';
import { NoteSaver, type PendingPassage } from './noteSaver';
import { registerSaver, releaseSaver } from './savers';

export interface NoteSession {
  status: SaveStatus;
  passages: Passage[];
  setPassages: (update: (passages: Passage[]) => Passage[]) => void;
  /** Save now, creating a passage whose mark was just put in the document. */
  createPassage: NoteSaver['createPassage'];
  /** Another window saved this note since it opened here: this text can only be kept as a copy, or dropped. */
  conflicted: boolean;
  /** This window's text as it is now. */
  document: () => string;
  /** Follow every status change without a render (the quiet ones are written straight to the page: SaveIndicator). */
  watchStatus: (listener: (status: SaveStatus) => void) => () => void;
}

const NO_PASSAGES: Passage[] = [];

/** Whether the page must render for a status change: only into, out of and within a failure. */
const rendersFor = (previous: SaveStatus, next: SaveStatus) => previous.kind === 'failed' || next.kind === 'failed';

/** Unsaved text an earlier editor of this note handed over (see savers.ts). */
export interface Recovered {
  document: string;
  revision: number;
  pending: PendingPassage[];
}

/**
 * The open note's saving, wired to the editor: every content change touches
 * the autosaver; blur and page hide flush it; closing the editor hands the
 * saver to savers.ts, which keeps it retrying until its text is saved.
 */
export function useNoteSession(
  editor: LexicalEditor,
  note: Note,
  recovered: Recovered | null,
  onSaved?: (wordCount: number) => void,
): NoteSession {
  const [serializer] = useState(() => new BlockSerializer(editor));
  const [saver] = useState(() => new NoteSaver(note.id, recovered?.revision ?? note.revision, serializer, recovered?.pending ?? []));
  const [status, setStatus] = useState<SaveStatus>(() =>
    recovered ? { kind: 'pending' } : { kind: 'saved', at: Date.parse(note.updatedAt) },
  );
  // The note's passages: loaded once as it opens, then kept current by each save's and each tag's answer.
  const { data: passages = NO_PASSAGES, setData: setPassages } = useQuery('passages.forNote', { noteId: note.id }, { keptCurrentHere: true });
  const watchStatus = useCallback((listener: (status: SaveStatus) => void) => saver.onStatus(listener), [saver]);

  useEffect(() => {
    saver.setOnSaved((result) => {
      setPassages((list) => withChangedPassages(list, result.changedPassages));
      onSaved?.(result.wordCount);
    });
  }, [saver, onSaved, setPassages]);

  useEffect(() => {
    registerSaver(note.id, saver);
    if (recovered) saver.touch();
    // Serialize the opened note's blocks once, when the page is idle, so the first save is already small.
    const idle = recovered ? 0 : requestIdleCallback(() => saver.acknowledgeOpened(), { timeout: 2000 });
    // Not even a state update for a quiet change: React may render (and walk the note) to find it changed nothing.
    let rendered = saver.status;
    const offStatus = saver.onStatus((next) => {
      if (!rendersFor(rendered, next)) return;
      rendered = next;
      setStatus(next);
    });
    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
      // Selection moves and the initial load change nothing worth saving.
      if (prevEditorState.isEmpty() || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      saver.touch();
    });
    const flush = () => void saver.flush();
    const leave = () => {
      flush();
      requestIdleCallback(() => saver.verifyBlocks(), { timeout: 5000 });
    };
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('blur', leave);
      root?.addEventListener('blur', leave);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      if (idle) cancelIdleCallback(idle);
      offUpdate();
      offRoot();
      offStatus();
      window.removeEventListener('pagehide', flush);
      releaseSaver(note.id, saver);
    };
  }, [editor, saver, note.id, recovered]);

  return {
    status,
    passages,
    setPassages,
    createPassage: (id, themes) => saver.createPassage(id, themes),
    // Read on every status change; it stays true through the retries' "Saving…", so the choice does not flicker.
    conflicted: saver.conflicted,
    document: () => saver.document(),
    watchStatus,
  };
}
