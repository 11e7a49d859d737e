import { useCallback, useMemo, useState } from 'react';
import type { EngagementFilter } from '../../../shared/domain/engagement';
import { useQuery } from '../../api/queries';
import type { NoteLocation } from '../../app/navigation';
import { useCommands, type Command } from '../../commands/registry';
import { formatShortcut, type Shortcut } from '../../commands/shortcut';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { EngagementFilters } from './EngagementFilters';
import { EngagementForm } from './EngagementForm';
import { EngagementPage } from './EngagementPage';
import { EngagementTable } from './EngagementTable';
import { useEngagementTypes } from './useEngagementTypes';
import '../../styles/engagements.css';

const NEW_SHORTCUT: Shortcut = { key: 'e', mod: true, shift: true };

/** The engagements area: the list, or one engagement's page. */
export function EngagementsView({ location = null }: { location?: NoteLocation | null }) {
  const [openId, setOpenId] = useState<string | null>(location?.engagementId ?? null);
  const [creating, setCreating] = useState(false);
  // Stable, so the page's breadcrumbs and commands are not rebuilt on every render.
  const back = useCallback(() => setOpenId(null), []);
  const commands = useMemo<Command[]>(
    () => [{ id: 'engagement.new', group: 'Engagements', label: 'New engagement…', shortcut: NEW_SHORTCUT, run: () => setCreating(true) }],
    [],
  );
  useCommands(commands);

  return (
    <>
      {openId ? (
        <EngagementPage
          key={openId}
          engagementId={openId}
          location={location?.engagementId === openId ? location : null}
          onBack={back}
        />
      ) : (
        <EngagementList onOpen={setOpenId} onNew={() => setCreating(true)} />
      )}
      <Dialog title="New engagement" open={creating} onClose={() => setCreating(false)} className="wide">
        <EngagementForm
          onCancel={() => setCreating(false)}
          onDone={(created) => {
            setCreating(false);
            setOpenId(created.id);
          }}
        />
      </Dialog>
    </>
  );
}

function EngagementList({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const [filter, setFilter] = useState<EngagementFilter>({ sort: 'date_desc' });
  const { data: engagements = null, error } = useQuery('engagements.list', filter, { errorShownHere: true });
  const { types, labelOf } = useEngagementTypes();

  const filtered = Boolean(filter.types?.length || filter.organisation || filter.from || filter.to || filter.query);
  return (
    <section className="area engagement-list">
      <header className="area-header">
        <h1 id="area-title">Engagements</h1>
        <button type="button" className="primary" data-focus-home onClick={onNew}>
          New engagement <kbd>{formatShortcut(NEW_SHORTCUT)}</kbd>
        </button>
      </header>
      <EngagementFilters filter={filter} types={types} onChange={setFilter} />
      <ErrorMessage error={error} />
      {/* A live region present from the start, so "no match" is announced when the filters empty the list. */}
      <div role="status" className="list-status">
        {engagements && engagements.length === 0 && (
          <p className="empty">
            {filtered ? (
              'No engagement matches these filters.'
            ) : (
              <>
                No engagements yet. Record your first site visit, workshop or interview with <strong>New engagement</strong>.
              </>
            )}
          </p>
        )}
      </div>
      {engagements && engagements.length > 0 && <EngagementTable engagements={engagements} labelOf={labelOf} onOpen={onOpen} />}
    </section>
  );
}
