import type { Engagement } from '../../../shared/domain/engagement';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { RecordHistorySection } from '../team/HistoryPanel';
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
      {panel === 'details' && (
        <>
          {/* First, when there is any: a value a merge replaced is what needs a decision here. */}
          <RecordHistorySection record={{ table: 'engagements', recordId: engagement.id }} />
          {/* Keyed by the last change too, so a value put back from the history shows in the form at once. */}
          <EngagementForm key={`${engagement.id}:${engagement.updatedAt}`} engagement={engagement} onCancel={onClose} onDone={onChanged} />
        </>
      )}
      {panel === 'participants' && <ParticipantsPanel engagementId={engagement.id} />}
      {panel === 'attachments' && <AttachmentsPanel engagementId={engagement.id} headed={false} />}
    </aside>
  );
}
