import { useDeferredValue, useMemo, useState } from 'react';
import { useCommands, type Command } from '../../commands/registry';
import { formatShortcut, type Shortcut } from '../../commands/shortcut';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AttributesDialog } from './AttributesDialog';
import { useAttributes, useEngagementChoices, useParticipantList } from './data';
import { useParticipantDialogs } from './ParticipantDialog';
import { isFiltering, noFilters, ParticipantFilterBar, toFilters, type FilterState } from './ParticipantFilters';
import { ParticipantTable } from './ParticipantTable';
import '../../styles/participants.css';

export const NEW_PARTICIPANT_SHORTCUT: Shortcut = { key: 'p', mod: true, shift: true };

const count = (n: number) => `${n} participant${n === 1 ? '' : 's'}`;

/** The Participants area: everyone met, by code, with filters, and the dialogs to add and edit them. */
export function ParticipantsView() {
  const [filterState, setFilterState] = useState<FilterState>(noFilters);
  const [defining, setDefining] = useState(false);

  // Typing in the search box should not send a request per keystroke while the list is busy.
  const filters = useDeferredValue(useMemo(() => toFilters(filterState), [filterState]));
  const attributes = useAttributes();
  const everyone = useParticipantList({});
  const shown = useParticipantList(filters);
  const engagements = useEngagementChoices();
  const defined = attributes.data ?? [];
  const { startNew, edit, dialogs } = useParticipantDialogs(defined);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'participant.new', group: 'Participants', label: 'New participant…', shortcut: NEW_PARTICIPANT_SHORTCUT, run: startNew },
      { id: 'participant.attributes', group: 'Participants', label: 'Custom attributes…', run: () => setDefining(true) },
    ],
    [startNew],
  );
  useCommands(commands);

  const total = everyone.data?.length ?? 0;
  const filtering = isFiltering(filterState);
  return (
    <section className="area participants">
      <header className="area-header">
        <h1 id="area-title">Participants</h1>
        <div className="area-actions">
          <button type="button" onClick={() => setDefining(true)}>
            Custom attributes
          </button>
          <button type="button" className="primary" onClick={startNew}>
            New participant <kbd>{formatShortcut(NEW_PARTICIPANT_SHORTCUT)}</kbd>
          </button>
        </div>
      </header>
      <ErrorMessage error={everyone.error ?? shown.error ?? attributes.error} />

      {everyone.data && total === 0 && (
        <p className="empty">
          No participants yet. Add the people you meet with <strong>New participant</strong>: each gets a pseudonym code
          (P001, P002…) to use in your notes, and their consent to quotation is recorded with them.
        </p>
      )}
      {total > 0 && (
        <>
          <ParticipantFilterBar value={filterState} onChange={setFilterState} attributes={defined} engagements={engagements} />
          <p className="participant-count" role="status">
            {shown.data && (filtering ? `Showing ${shown.data.length} of ${count(total)}.` : `${count(total)}.`)}
          </p>
          {shown.data && shown.data.length > 0 && (
            <ParticipantTable
              participants={shown.data}
              attributes={defined}
              caption={filtering ? 'Participants matching the filters, by code' : 'Participants, by code'}
              onEdit={edit}
            />
          )}
          {shown.data && shown.data.length === 0 && (
            <p className="empty">
              No participant matches these filters. Change a filter, or{' '}
              <button type="button" className="link" onClick={() => setFilterState(noFilters)}>
                clear them all
              </button>
              .
            </p>
          )}
        </>
      )}

      {dialogs}
      <AttributesDialog open={defining} attributes={defined} onClose={() => setDefining(false)} />
    </section>
  );
}
