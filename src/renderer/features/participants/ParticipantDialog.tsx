import { useCallback, useState } from 'react';
import type { AttributeDefinition, Participant, ParticipantSummary } from '../../../shared/domain/participant';
import { useMutation, useQuery } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ParticipantForm } from './ParticipantForm';

interface NewProps {
  open: boolean;
  attributes: AttributeDefinition[];
  onClose: () => void;
  onSaved: (participant: Participant) => void;
  /** Link the new participant to this engagement as it is saved. */
  engagementId?: string;
}

export function NewParticipantDialog({ open, attributes, onClose, onSaved, engagementId }: NewProps) {
  return (
    <Dialog title="New participant" open={open} onClose={onClose} className="participant-dialog">
      <ParticipantForm attributes={attributes} onCancel={onClose} onSaved={onSaved} engagementId={engagementId} />
    </Dialog>
  );
}

/**
 * A participants screen's New and Edit dialogs (the Participants area, an engagement's panel), and what opens
 * them. `engagementId`: a new participant is linked to that engagement as it is saved.
 */
export function useParticipantDialogs(attributes: AttributeDefinition[], engagementId?: string) {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ParticipantSummary | null>(null);
  const startNew = useCallback(() => setCreating(true), []);
  const dialogs = (
    <>
      <NewParticipantDialog open={creating} attributes={attributes} engagementId={engagementId} onClose={() => setCreating(false)} onSaved={() => setCreating(false)} />
      <EditParticipantDialog
        participantId={editing?.id ?? null}
        code={editing?.code ?? ''}
        attributes={attributes}
        onClose={() => setEditing(null)}
        onSaved={() => setEditing(null)}
        onDeleted={() => setEditing(null)}
      />
    </>
  );
  return { startNew, edit: setEditing, dialogs };
}

interface EditProps {
  /** The participant to edit; null when the dialog is closed. */
  participantId: string | null;
  /** Shown in the title while the record loads. */
  code: string;
  attributes: AttributeDefinition[];
  onClose: () => void;
  onSaved: (participant: Participant) => void;
  onDeleted: () => void;
}

export function EditParticipantDialog({ participantId, code, attributes, onClose, onSaved, onDeleted }: EditProps) {
  return (
    <Dialog title={`Edit participant ${code}`} open={participantId !== null} onClose={onClose} className="participant-dialog">
      {participantId && (
        <EditBody key={participantId} id={participantId} attributes={attributes} onClose={onClose} onSaved={onSaved} onDeleted={onDeleted} />
      )}
    </Dialog>
  );
}

function EditBody({
  id,
  attributes,
  onClose,
  onSaved,
  onDeleted,
}: { id: string } & Pick<EditProps, 'attributes' | 'onClose' | 'onSaved' | 'onDeleted'>) {
  const deletion = useMutation('participants.delete', { errorShownHere: true });
  // Once deleting, the record is not asked again: it is going.
  const loaded = useQuery('participants.get', { id }, { errorShownHere: true, enabled: !deletion.pending });
  const [confirming, setConfirming] = useState(false);
  const participant = loaded.data;
  const error = deletion.error ?? loaded.error;

  const remove = async () => {
    if ((await deletion.run({ id })).ok) onDeleted();
  };

  if (!participant) {
    return error ? <ErrorMessage error={error} /> : <p className="hint">Loading…</p>;
  }
  if (confirming) {
    return (
      <div className="participant-confirm">
        <p>
          Delete <strong>{participant.code}</strong>? Their attribute values and links to engagements go too. The code{' '}
          {participant.code} will not be given to anyone else.
        </p>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Keep {participant.code}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete {participant.code}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ParticipantForm
      participant={participant}
      attributes={attributes}
      onCancel={onClose}
      onSaved={onSaved}
      extraActions={
        <button type="button" className="quiet danger-quiet push-start" onClick={() => setConfirming(true)}>
          Delete…
        </button>
      }
    />
  );
}
