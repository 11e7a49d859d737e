import { useId, useMemo, useState, type FormEvent } from 'react';
import { staffGroupLabels, type ParticipantSummary } from '../../../shared/domain/participant';
import { useMutation } from '../../api/queries';
import { useCommands, type Command } from '../../commands/registry';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConsentBadge } from './ConsentField';
import { useAttributes, useEngagementParticipants, useParticipantList } from './data';
import { useParticipantDialogs } from './ParticipantDialog';
import '../../styles/participants.css';

const describe = (p: ParticipantSummary) => [p.code, staffGroupLabels[p.staffGroup], p.role].filter(Boolean).join(' — ');

/**
 * The participants of one engagement: who took part, adding someone already
 * recorded or someone new, and removing a link (the person stays recorded).
 * It draws no heading of its own unless given a `title`: the engagement
 * page's drawer already names it.
 */
export function ParticipantsPanel({ engagementId, title }: { engagementId: string; title?: string }) {
  const linked = useEngagementParticipants(engagementId);
  const everyone = useParticipantList({});
  const attributes = useAttributes();
  const { startNew, edit, dialogs } = useParticipantDialogs(attributes.data ?? [], engagementId);
  // Shown above the list; a later success clears it (`reset`).
  const linking = useMutation('participants.linkEngagement', { errorShownHere: true });
  const unlinking = useMutation('participants.unlinkEngagement', { errorShownHere: true });
  const headingId = useId();

  const commands = useMemo<Command[]>(
    () => [{ id: 'participant.newForEngagement', group: 'Participants', label: 'New participant in this engagement…', run: startNew }],
    [startNew],
  );
  useCommands(commands);

  const link = async (participantId: string) => {
    unlinking.reset();
    await linking.run({ participantId, engagementId });
  };
  const unlink = async (participantId: string) => {
    linking.reset();
    await unlinking.run({ participantId, engagementId });
  };

  const linkedIds = new Set((linked.data ?? []).map((p) => p.id));
  const available = (everyone.data ?? []).filter((p) => !linkedIds.has(p.id));
  return (
    <section
      className="participants-panel"
      aria-labelledby={title ? headingId : undefined}
      aria-label={title ? undefined : 'Participants of this engagement'}
    >
      <header className="panel-header">
        {title && <h2 id={headingId}>{title}</h2>}
        <button type="button" onClick={startNew}>
          New participant…
        </button>
      </header>
      <ErrorMessage error={linking.error ?? unlinking.error ?? linked.error} />
      {linked.data && linked.data.length === 0 && (
        <p className="empty">
          No one is linked to this engagement yet.{' '}
          {available.length > 0
            ? <>Add someone already recorded below, or create a <strong>New participant</strong>.</>
            : <>Create a <strong>New participant</strong> for each person you meet here.</>}
        </p>
      )}
      {linked.data && linked.data.length > 0 && (
        <ul className="panel-participants" aria-label="Participants in this engagement">
          {linked.data.map((p) => (
            <li key={p.id}>
              <button type="button" className="participant-code" onClick={() => edit(p)}>
                <span className="visually-hidden">Edit </span>
                {p.code}
              </button>
              <span className="panel-participant-who">
                {staffGroupLabels[p.staffGroup]}
                {p.role && <span className="panel-participant-role"> · {p.role}</span>}
              </span>
              <ConsentBadge consent={p.consent} />
              <button type="button" className="quiet" onClick={() => void unlink(p.id)}>
                Remove<span className="visually-hidden"> {p.code} from this engagement</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {available.length > 0 && <LinkExisting key={available.length} available={available} onLink={link} />}

      {dialogs}
    </section>
  );
}

function LinkExisting({ available, onLink }: { available: ParticipantSummary[]; onLink: (id: string) => Promise<void> }) {
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice) await onLink(choice);
  };
  return (
    <form className="panel-link" onSubmit={submit}>
      <label htmlFor={selectId}>Add a recorded participant</label>
      <div className="panel-link-row">
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a participant…</option>
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {describe(p)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!choice}>
          Add to engagement
        </button>
      </div>
    </form>
  );
}
