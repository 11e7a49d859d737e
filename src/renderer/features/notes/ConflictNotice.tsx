import { useMutation } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { discardSaver } from './savers';

interface Props {
  noteId: string;
  /** This window's text as it is now. */
  document: () => string;
  /** The choice is made: open this note afresh (the copy, or the note as the other window left it). */
  onResolved: (openNoteId: string) => void;
}

/**
 * Another window saved this note since it opened here, so this window's text cannot be saved over it.
 * Never silent loss (issue 11): keep both (this text as a new note beside it), or take theirs — a choice.
 */
export function ConflictNotice({ noteId, document, onResolved }: Props) {
  const saveCopy = useMutation('notes.saveCopy', { errorShownHere: true });
  const keepBoth = async () => {
    const result = await saveCopy.run({ id: noteId, document: document() });
    if (!result.ok) return;
    discardSaver(noteId);
    onResolved(result.value.id);
  };
  const takeTheirs = () => {
    discardSaver(noteId);
    onResolved(noteId);
  };
  return (
    <div className="conflict-notice" role="alert">
      <p>
        <strong>This note was changed in another tab or window.</strong> Your text here is kept until you choose: save it as a
        new note beside this one, or replace it with the other version.
      </p>
      <div className="conflict-actions">
        <button type="button" className="primary" disabled={saveCopy.pending} onClick={() => void keepBoth()}>
          Keep both (save mine as a new note)
        </button>
        <button type="button" disabled={saveCopy.pending} onClick={takeTheirs}>
          Take theirs (drop my changes)
        </button>
      </div>
      <ErrorMessage error={saveCopy.error} />
    </div>
  );
}
