import { useEffect, useMemo, useState } from 'react';
import { engagementTypeLabels, type Engagement } from '../../../shared/domain/engagement';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { useCommands, type Command } from '../../commands/registry';
import { formatShortcut, type Shortcut } from '../../commands/shortcut';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NewEngagementDialog } from './NewEngagementDialog';

const NEW_SHORTCUT: Shortcut = { key: 'e', mod: true, shift: true };
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** The list of engagements: site visits, workshops, interviews… */
export function EngagementsView() {
  const [engagements, setEngagements] = useState<Engagement[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void api()
      .call('engagements.list', {})
      .then((result) => {
        if (!current) return;
        if (result.ok) setEngagements(result.value);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, [version]);

  const commands = useMemo<Command[]>(
    () => [{ id: 'engagement.new', group: 'Engagements', label: 'New engagement…', shortcut: NEW_SHORTCUT, run: () => setCreating(true) }],
    [],
  );
  useCommands(commands);

  return (
    <section className="area">
      <header className="area-header">
        <h1 id="area-title">Engagements</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New engagement <kbd>{formatShortcut(NEW_SHORTCUT)}</kbd>
        </button>
      </header>
      <ErrorMessage error={error} />
      {engagements && engagements.length === 0 && (
        <p className="empty">
          No engagements yet. Record your first site visit, workshop or interview with <strong>New engagement</strong>.
        </p>
      )}
      {engagements && engagements.length > 0 && (
        <table className="list-table">
          <caption className="visually-hidden">Engagements, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Type</th>
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {engagements.map((e) => (
              <tr key={e.id}>
                <td>{e.title}</td>
                <td>{engagementTypeLabels[e.type]}</td>
                <td>
                  <time dateTime={e.date}>{dateFormat.format(new Date(`${e.date}T00:00:00Z`))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewEngagementDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          setVersion((v) => v + 1);
        }}
      />
    </section>
  );
}
