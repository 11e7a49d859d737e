import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '../../../shared/domain/note';
import type { Passage } from '../../../shared/domain/passage';
import { useQuery } from '../../api/queries';
import type { SaveStatus } from './autosave';
import { BlockSerializer } from './blockSerializer';
import { NoteSaver, type PendingPassage } from './noteSaver';
import { registerSaver, releaseSaver } from './savers';
import { SettlingPassages } from './settlingPassages';

export interface NoteSession {
  status: SaveStatus;
  passages: Passage[];
  /** Whether `passages` is the note's list yet (an empty list until it has loaded). */
  passagesLoaded: boolean;
  /** Change the list (after any saves' changes still held back: settlingPassages.ts). */
  setPassages: (update: (passages: Passage[]) => Passage[]) => void;
  /** Show every change the saves made now (before reading the passages' quoted text: the tag picker). */
  settlePassages: () => void;
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

/** A list's passages by id, built once per list: a save's answer is looked up in the list shown. */
const byIdOf = new WeakMap<Passage[], Map<string, Passage>>();
function passageIn(list: Passage[], id: string): Passage | undefined {
  let byId = byIdOf.get(list);
  if (!byId) byIdOf.set(list, (byId = new Map(list.map((p) => [p.id, p]))));
  return byId.get(id);
}

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
  // The note's passages: asked for with the note (useNotes, which opens the editor once they are in, so they are
  // in hand as the document is built); then kept current here by each save's and each tag's answer — never
  // fetched again whole, which would make saving cost grow with the note. Null until they come (a change before
  // then has nothing to change).
  const loaded = useQuery('passages.forNote', { noteId: note.id }, { keptCurrentHere: true }).data;
  const [held, setHeld] = useState<Passage[] | null>(loaded ?? null);
  if (held === null && loaded) setHeld(loaded);
  const passages = held ?? loaded ?? NO_PASSAGES;
  const setShown = useCallback((update: (list: Passage[]) => Passage[]) => setHeld((list) => (list === null ? null : update(list))), []);
  const watchStatus = useCallback((listener: (status: SaveStatus) => void) => saver.onStatus(listener), [saver]);
  // Saves that only moved or retyped passages are told once they pause: each commit walks the note's DOM.
  const [settling] = useState(() => new SettlingPassages(setShown));
  const setPassages = useCallback((update: (list: Passage[]) => Passage[]) => settling.update(update), [settling]);
  const settlePassages = useCallback(() => settling.settle(), [settling]);
  // What the page shows, for the saves' answers to be compared with.
  const shown = useRef(passages);
  useEffect(() => {
    shown.current = passages;
  }, [passages]);

  useEffect(() => {
    saver.setOnSaved((result) => {
      settling.saved(result.changedPassages, (id) => passageIn(shown.current, id));
      onSaved?.(result.wordCount);
    });
  }, [saver, onSaved, settling]);

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
      settling.dispose();
    };
  }, [editor, saver, note.id, recovered, settling]);

  return {
    status,
    passages,
    passagesLoaded: held !== null || loaded !== undefined,
    setPassages,
    settlePassages,
    createPassage: (id, themes) => saver.createPassage(id, themes),
    // Read on every status change; it stays true through the retries' "Saving…", so the choice does not flicker.
    conflicted: saver.conflicted,
    document: () => saver.document(),
    watchStatus,
  };
}
