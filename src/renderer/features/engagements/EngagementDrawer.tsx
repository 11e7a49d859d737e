import type { Engagement } from '../../../shared/domain/engagement';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { EngagementForm } from './EngagementForm';

export type DrawerPanel = 'details' | 'participants' | 'attachments';

interface Props {
  panel: DrawerPanel;
  engagement: Engagement;
  onClose: () => void;
  onChanged: (engagement: Engagement) => void;
}

const titles: Record<DrawerPanel, string> = { details: 'Details', participants: 'Participants', attachments: 'Attachments' };

/** The side panel beside the notes: out of the way until called. */
export function EngagementDrawer({ panel, engagement, onClose, onChanged }: Props) {
  return (
    <aside className="drawer" aria-labelledby="drawer-title">
      <header className="drawer-header">
        <h2 id="drawer-title">{titles[panel]}</h2>
        <button type="button" className="quiet" onClick={onClose} aria-label={`Close ${titles[panel].toLowerCase()}`}>
          Close
        </button>
      </header>
      {panel === 'details' && <EngagementForm key={engagement.id} engagement={engagement} onCancel={onClose} onDone={onChanged} />}
      {panel === 'participants' && <ParticipantsPanel engagementId={engagement.id} />}
      {panel === 'attachments' && <AttachmentsPanel engagementId={engagement.id} headed={false} />}
    </aside>
  );
}
