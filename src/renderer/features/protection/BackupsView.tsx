import { useState } from 'react';
import type { BackupSummary } from '../../../shared/domain/backup';
import { useApp } from '../../app/AppContext';
import { useMutation, useQuery } from '../../api/queries';
import { commandRegistry } from '../../commands/registry';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ProtectionSection } from './ProtectionSection';
import { RestoreDialog } from './RestoreDialog';
import { describeCounts, describeReason, formatBytes, formatTakenAt } from './format';
import { SAVE_COPY } from './TrustCommands';
import '../../styles/protection.css';

const COLUMNS = [
  ['engagements', 'Engagements'],
  ['participants', 'Participants'],
  ['notes', 'Notes'],
  ['themes', 'Themes'],
  ['passages', 'Passages'],
] as const;

/** The Backups area: the workspace's backups (restore one), a backup or a copy now, and its passphrase. */
export function BackupsView() {
  const { workspace } = useApp();
  const listed = useQuery('backups.list', {}, { errorShownHere: true });
  const takeNow = useMutation('backups.takeNow', { errorShownHere: true });
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);
  const backups = listed.data?.backups ?? [];

  return (
    <section className="area backups-area" aria-labelledby="area-title">
      <header className="area-header">
        <h1 id="area-title">Backups</h1>
        <div className="area-actions">
          <button type="button" onClick={() => commandRegistry.run(SAVE_COPY)}>
            Save a copy…
          </button>
          <button type="button" className="primary" data-focus-home disabled={takeNow.pending} onClick={() => void takeNow.run({})}>
            {takeNow.pending ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </header>
      <p className="lede">
        Fieldnotes backs up “{workspace?.name}” when it opens, every 10 minutes while you work and before every import,
        in a folder beside the file. Each backup is checked after it is written. The last 10 are kept, and one a day
        for 14 days.
      </p>
      <ErrorMessage error={listed.error ?? takeNow.error} />
      {listed.data && backups.length === 0 ? (
        <p className="empty">No backups yet. “Back up now” takes one; one is taken each time the workspace opens.</p>
      ) : (
        <table className="list-table backups-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              {COLUMNS.map(([key, label]) => (
                <th scope="col" className="numeric" key={key}>
                  {label}
                </th>
              ))}
              <th scope="col" className="numeric">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.data && (
              <tr className="backups-now">
                <th scope="row">Now</th>
                <td>The workspace as it is</td>
                {COLUMNS.map(([key]) => (
                  <td className="numeric" key={key}>
                    {(listed.data!.current[key] ?? 0).toLocaleString('en-GB')}
                  </td>
                ))}
                <td />
                <td />
              </tr>
            )}
            {backups.map((backup) => (
              <tr key={backup.name}>
                <th scope="row">{formatTakenAt(backup.takenAt)}</th>
                <td>{describeReason(backup.reason)}</td>
                {COLUMNS.map(([key]) => (
                  <td className="numeric" key={key}>
                    {backup.counts[key]?.toLocaleString('en-GB') ?? '—'}
                  </td>
                ))}
                <td className="numeric">{formatBytes(backup.bytes)}</td>
                <td>
                  <button type="button" className="quiet" onClick={() => setRestoring(backup)} aria-label={`Restore the backup from ${formatTakenAt(backup.takenAt)}…`}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProtectionSection />
      <RestoreDialog backup={restoring} current={listed.data ? describeCounts(listed.data.current) : ''} onClose={() => setRestoring(null)} />
    </section>
  );
}
