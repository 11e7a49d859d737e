import type { Engagement } from '../../../shared/domain/engagement';
import { useMutation, useQuery } from '../../api/queries';
import { discardSaver, flushAllNotes } from '../notes/savers';
import { RemovalDialog } from './RemovalDialog';

interface Props {
  engagement: Engagement;
  onClose: () => void;
  onDeleted: () => void;
}

/** Delete an engagement, having said what goes with it: notes, passages, attachments, links; findings citing it. */
export function DeleteEngagement({ engagement, onClose, onDeleted }: Props) {
  const preview = useQuery('engagements.deletePreview', { id: engagement.id }, { errorShownHere: true });
  const notes = useQuery('notes.list', { engagementId: engagement.id });
  const remove = useMutation('engagements.delete', { errorShownHere: true });
  const confirm = async () => {
    await flushAllNotes();
    const result = await remove.run({ id: engagement.id });
    if (!result.ok) return;
    for (const note of notes.data ?? []) discardSaver(note.id);
    onClose();
    onDeleted();
  };
  return (
    <RemovalDialog
      what="engagement"
      name={engagement.title}
      preview={preview.data}
      error={preview.error ?? remove.error}
      busy={remove.pending}
      onConfirm={() => void confirm()}
      onClose={onClose}
    />
  );
}
