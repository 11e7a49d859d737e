import { useCallback, useEffect, useState } from 'react';
import type { Note, NoteSummary } from '../../../shared/domain/note';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';

/** The notes of one engagement, the one open, and the actions on them. */
export function useNotes(engagementId: string, initialNoteId?: string) {
  const [notes, setNotes] = useState<NoteSummary[] | null>(null);
  const [open, setOpen] = useState<Note | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [version, setVersion] = useState(0);
  // The note just created: its editor takes the caret at once (Ctrl+Alt+N means "let me type").
  const [created, setCreated] = useState<string | null>(null);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const openNote = useCallback(async (id: string) => {
    const result = await api().call('notes.get', { id });
    if (result.ok) setOpen(result.value);
    else setError(result.error);
  }, []);

  useEffect(() => {
    let current = true;
    void api()
      .call('notes.list', { engagementId })
      .then(async (result) => {
        if (!current) return;
        if (!result.ok) return setError(result.error);
        setNotes(result.value);
        // Open the asked-for note, or the first one, so typing can start at once.
        const first = result.value.find((n) => n.id === initialNoteId) ?? result.value[0];
        setOpen((previous) => {
          if (!previous && first) void openNote(first.id);
          return previous;
        });
      });
    return () => {
      current = false;
    };
  }, [engagementId, initialNoteId, version, openNote]);

  const createNote = useCallback(async () => {
    const result = await api().call('notes.create', { engagementId });
    if (!result.ok) return setError(result.error);
    setCreated(result.value.id);
    setOpen(result.value);
    reload();
  }, [engagementId, reload]);

  /** Keep the list's word count in step with autosaves, without reloading it. */
  const noteSaved = useCallback((id: string, wordCount: number) => {
    setNotes((list) => list?.map((n) => (n.id === id ? { ...n, wordCount } : n)) ?? list);
  }, []);

  const noteRenamed = useCallback((renamed: NoteSummary) => {
    setNotes((list) => list?.map((n) => (n.id === renamed.id ? renamed : n)) ?? list);
    setOpen((note) => (note?.id === renamed.id ? { ...note, title: renamed.title } : note));
  }, []);

  /** A note deleted: out of the list, and the next one opens (or none, and the page says how to start). */
  const noteDeleted = useCallback(
    (id: string) => {
      const rest = notes?.filter((n) => n.id !== id) ?? [];
      setNotes(rest);
      setOpen(null);
      if (rest[0]) void openNote(rest[0].id);
    },
    [notes, openNote],
  );

  return { notes, open, created, error, openNote, createNote, reload, noteSaved, noteRenamed, noteDeleted };
}
