import { useCallback, useState } from 'react';
import type { Note, NoteSummary } from '../../../shared/domain/note';
import { useMutation, useQuery } from '../../api/queries';

/** The notes of one engagement, the one open, and the actions on them. */
export function useNotes(engagementId: string, initialNoteId?: string) {
  // The list follows the core's announcements (a rename, an import, another window's new note); autosaves do
  // not announce `notes`, so their word counts come from each save's answer (`noteSaved`).
  const list = useQuery('notes.list', { engagementId }, { errorShownHere: true });
  const notes = list.data ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  // The note chosen if it is still there; else the asked-for one, or the first, so typing can start at once.
  const openId = (notes?.some((n) => n.id === chosen) ? chosen : (notes?.find((n) => n.id === initialNoteId) ?? notes?.[0])?.id) ?? null;
  // The open note's document is its saver's from the moment it opens: an announcement must not refetch it
  // under the editor (a newer revision would remount it mid-sentence). It is fetched afresh each time it opens.
  const note = useQuery('notes.forEditor', { id: openId ?? '' }, { enabled: openId !== null, keptCurrentHere: true, errorShownHere: true });
  // Its passages are asked for with it, and the note opens once both are in (or they failed): its marks are then
  // painted as its document is built, in the same task, and the page is laid out once. Built first, the
  // 200,000-word note was laid out, then its 4,000 marks painted and laid out again (issue 11). The editor's
  // session (useNoteSession) takes this answer and keeps it current.
  const passages = useQuery('passages.forNote', { noteId: openId ?? '' }, { enabled: openId !== null, keptCurrentHere: true });
  const arrived = note.data?.id === openId && !passages.loading ? note.data : undefined;
  // While the next note loads the last one stays on screen, as a list's last answer does.
  const [shown, setShown] = useState<Note | null>(null);
  if (arrived && arrived !== shown) setShown(arrived);
  const open = openId ? shown : null;
  // The note just created: its editor takes the caret at once (Ctrl+Alt+N means "let me type").
  const [created, setCreated] = useState<string | null>(null);
  const creation = useMutation('notes.create', { errorShownHere: true });

  const { refetch: reloadOpen } = note;
  const openNote = useCallback(
    async (id: string) => {
      // Opening the open note again (after a conflict) takes the document as the core has it now.
      if (id === openId) return reloadOpen();
      setChosen(id);
    },
    [openId, reloadOpen],
  );

  const { run: create } = creation;
  const createNote = useCallback(async () => {
    const result = await create({ engagementId });
    if (!result.ok) return;
    setCreated(result.value.id);
    setChosen(result.value.id);
  }, [engagementId, create]);

  const { refetch: reload, setData: setNotes } = list;
  /** Keep the list's word count in step with autosaves, without reloading it. */
  const noteSaved = useCallback(
    (id: string, wordCount: number) => setNotes((all) => all.map((n) => (n.id === id ? { ...n, wordCount } : n))),
    [setNotes],
  );

  const { setData: setOpen } = note;
  const noteRenamed = useCallback(
    (renamed: NoteSummary) => {
      setNotes((all) => all.map((n) => (n.id === renamed.id ? renamed : n)));
      setOpen((n) => (n.id === renamed.id ? { ...n, title: renamed.title } : n));
    },
    [setNotes, setOpen],
  );

  /** A note deleted: out of the list, and the next one opens (or none, and the page says how to start). */
  const noteDeleted = useCallback(
    (id: string) => {
      setNotes((all) => all.filter((n) => n.id !== id));
      setChosen(null);
    },
    [setNotes],
  );

  return { notes, open, created, error: creation.error ?? list.error ?? note.error, openNote, createNote, reload, noteSaved, noteRenamed, noteDeleted };
}
