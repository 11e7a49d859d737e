import { useMemo, useState, type FormEvent } from 'react';
import type { NoteSummary } from '../../../shared/domain/note';
import { useMutation, useQuery } from '../../api/queries';
import { useCommands, type Command } from '../../commands/registry';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { RemovalDialog } from '../engagements/RemovalDialog';
import { discardSaver, flushAllNotes } from './savers';

export type NoteAction = 'rename' | 'delete';

interface Props {
  /** The open note, the one the actions apply to. */
  note: NoteSummary | null;
  asked: NoteAction | null;
  onAsk: (action: NoteAction | null) => void;
  onRenamed: (note: NoteSummary) => void;
  onDeleted: (noteId: string) => void;
}

/** Rename and delete the open note: from its buttons in the list, the palette, F2. */
export function NoteManagement({ note, asked, onAsk, onRenamed, onDeleted }: Props) {
  const commands = useMemo<Command[]>(
    () =>
      note
        ? [
            { id: 'note.rename', group: 'Note', label: 'Rename note…', shortcut: { key: 'F2' }, run: () => onAsk('rename') },
            { id: 'note.delete', group: 'Note', label: 'Delete note…', run: () => onAsk('delete') },
          ]
        : [],
    [note, onAsk],
  );
  useCommands(commands);
  const close = () => onAsk(null);
  return (
    <>
      <Dialog title="Rename note" open={asked === 'rename' && note !== null} onClose={close}>
        {note && <RenameForm note={note} onClose={close} onRenamed={onRenamed} />}
      </Dialog>
      {asked === 'delete' && note && <DeleteNote note={note} onClose={close} onDeleted={onDeleted} />}
    </>
  );
}

function RenameForm({ note, onClose, onRenamed }: { note: NoteSummary; onClose: () => void; onRenamed: (note: NoteSummary) => void }) {
  const [title, setTitle] = useState(note.title);
  const rename = useMutation('notes.rename', { errorShownHere: true });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename.run({ id: note.id, title });
    if (!result.ok) return;
    onRenamed(result.value);
    onClose();
  };
  return (
    <form className="dialog-form" onSubmit={submit}>
      <Field label="Title" required autoFocus value={title} onChange={(e) => setTitle(e.target.value)} onFocus={(e) => e.target.select()} />
      <ErrorMessage error={rename.error} />
      <DialogActions onCancel={onClose} submit="Rename" busy={rename.pending} />
    </form>
  );
}

function DeleteNote({ note, onClose, onDeleted }: { note: NoteSummary; onClose: () => void; onDeleted: (noteId: string) => void }) {
  const preview = useQuery('notes.deletePreview', { id: note.id }, { errorShownHere: true });
  const remove = useMutation('notes.delete', { errorShownHere: true });
  const confirm = async () => {
    // Whatever was typed is saved first, so the preview's count is what goes; then its saver is let go.
    await flushAllNotes();
    const result = await remove.run({ id: note.id });
    if (!result.ok) return;
    discardSaver(note.id);
    onDeleted(note.id);
    onClose();
  };
  return (
    <RemovalDialog
      what="note"
      name={note.title}
      preview={preview.data}
      error={preview.error ?? remove.error}
      busy={remove.pending}
      onConfirm={() => void confirm()}
      onClose={onClose}
    />
  );
}
