import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import { api } from '../../api/client';

export type Upgrade = EventPayload<'workspace.upgrading'>;

/** What the page shows of an upgrade after this event: nothing once it is over. */
export const nextUpgrade = (event: Upgrade): Upgrade | null => (event.finished ? null : event);

const counted = (n: number) => n.toLocaleString('en-GB');

/** The notice's headline: what is happening, and how far it is when the migration counts. */
export function upgradeHeadline(upgrade: Upgrade): string {
  const sofar = upgrade.done !== null && upgrade.total ? ` — ${counted(upgrade.done)} of ${counted(upgrade.total)} notes` : '';
  return `Upgrading this workspace to the new format${sofar}…`;
}

/**
 * Opening a workspace an older version wrote can run a long migration (0015 splits every note into its
 * paragraphs: ~20 s at four times review scale), and the open call answers only when it is over; the window
 * said nothing meanwhile (issue 11). The core tells the page as it goes (`workspace.upgrading`): this says
 * what is happening and how far it is. The status line is spoken once — its words do not change with the
 * count, which the progress bar carries — and the notice goes when the upgrade is over or the open fails.
 */
export function UpgradeNotice({ upgrade }: { upgrade: Upgrade }) {
  const why = upgrade.notice.charAt(0).toUpperCase() + upgrade.notice.slice(1);
  return (
    <section className="upgrade-notice" aria-label="Workspace upgrade">
      <span className="upgrade-spinner" aria-hidden="true" />
      <div>
        <p className="visually-hidden" role="status">
          Upgrading this workspace to the new format. Please wait.
        </p>
        <p className="upgrade-headline">{upgradeHeadline(upgrade)}</p>
        {upgrade.total ? <progress aria-label="Notes upgraded" value={upgrade.done ?? 0} max={upgrade.total} /> : null}
        <p className="hint">{why}. A copy of the workspace as it was is kept beside it; it opens when this is done.</p>
      </div>
    </section>
  );
}

/** Listens for the core's upgrade reports; renders nothing unless a workspace is being upgraded. */
export function UpgradeListener() {
  const [upgrade, setUpgrade] = useState<Upgrade | null>(null);
  useEffect(() => api().on('workspace.upgrading', (event) => setUpgrade(nextUpgrade(event))), []);
  return upgrade ? <UpgradeNotice upgrade={upgrade} /> : null;
}
