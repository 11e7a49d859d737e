import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useMutation } from '../api/queries';
import { flushAllNotes, hasUnsavedText } from '../features/notes/savers';
import { useApp } from './AppContext';
import { Dialog } from '../ui/Dialog';

/**
 * The window is closing (app.beforeClose): save every note, then let it
 * close. If a note cannot be saved, say why and let the reviewer choose —
 * the window never closes over unsaved text without being told to.
 */
export function CloseGuard() {
  const [problems, setProblems] = useState<string[] | null>(null);
  const { info } = useApp();
  // The shell waits for this answer; a failure to send it goes to the failure notice.
  const closeAnswer = useMutation('app.closeAnswer').run;
  // A browser tab (the loopback host) can be reloaded or closed with text the core does not have (unsaved, or
  // refused by a conflict with another tab): the browser asks first. Electron's window asks through
  // app.beforeClose above, and its page cannot be reloaded or navigated away.
  useEffect(() => {
    if (info.host === 'electron') return;
    const ask = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedText()) return;
      void flushAllNotes(); // an unsaved edit may still make it before the page goes
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [info.host]);
  useEffect(
    () =>
      api().on('app.beforeClose', () => {
        void flushAllNotes().then((outcome) => {
          if (outcome.saved) void closeAnswer({ close: true });
          else setProblems(outcome.problems);
        });
      }),
    [closeAnswer],
  );
  const answer = (close: boolean) => {
    setProblems(null);
    void closeAnswer({ close });
  };
  return (
    <Dialog title="Some notes are not saved" open={problems !== null} onClose={() => answer(false)}>
      <p role="alert">
        {problems?.length === 1 ? 'A note could not be saved:' : `${problems?.length} notes could not be saved:`} {problems?.[0]}
      </p>
      <p>Keep the window open and Fieldnotes will keep trying; or close it and lose what was typed since the last save.</p>
      <div className="actions">
        <button type="button" onClick={() => answer(true)}>
          Close and lose these edits
        </button>
        <button type="button" className="primary" autoFocus onClick={() => answer(false)}>
          Keep the window open
        </button>
      </div>
    </Dialog>
  );
}

/** Before the workspace changes (close, open another): every note saved, or a sentence saying why not. */
export async function saveBeforeLeaving(): Promise<string | null> {
  const outcome = await flushAllNotes();
  return outcome.saved ? null : `Your notes are not all saved yet, so the workspace stays open: ${outcome.problems[0]}`;
}
