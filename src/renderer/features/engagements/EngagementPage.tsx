import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../../api/queries';
import type { NoteLocation } from '../../app/navigation';
import { useCommands, type Command } from '../../commands/registry';
import { formatShortcut, type Shortcut } from '../../commands/shortcut';
import { NoteEditor } from '../notes/NoteEditor';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { focusAdrift, focusHome } from '../../ui/focusHome';
import { ImportNotesButton } from '../files/ImportNotesButton';
import { useNotes } from '../notes/useNotes';
import { useBreadcrumbs } from '../shell/breadcrumbs';
import { NoteManagement, type NoteAction } from '../notes/NoteManagement';
import { DeleteEngagement } from './DeleteEngagement';
import { EngagementDrawer, type DrawerPanel } from './EngagementDrawer';
import { formatDate } from './format';
import { useEngagementTypes } from './useEngagementTypes';

const NEW_NOTE: Shortcut = { key: 'n', mod: true, alt: true };

/** One engagement: its notes fill the page; details, participants and attachments open beside them. */
interface Props {
  engagementId: string;
  /** Open this note and reveal a passage or range in it. */
  location: NoteLocation | null;
  onBack: () => void;
}

export function EngagementPage({ engagementId, location, onBack }: Props) {
  const { data: engagement, error, setData: setEngagement } = useQuery('engagements.get', { id: engagementId }, { errorShownHere: true });
  const [panel, setPanel] = useState<DrawerPanel | null>(null);
  const [noteAction, setNoteAction] = useState<NoteAction | null>(null);
  const [deleting, setDeleting] = useState(false);
  const { labelOf } = useEngagementTypes();
  const notes = useNotes(engagementId, location?.noteId);

  const crumbs = useMemo(
    () => [{ label: 'Engagements', onSelect: onBack }, { label: engagement?.title ?? '…' }],
    [engagement?.title, onBack],
  );
  useBreadcrumbs(crumbs);

  const { createNote } = notes;
  const commands = useMemo<Command[]>(
    () => [
      { id: 'note.new', group: 'Note', label: 'New note', shortcut: NEW_NOTE, run: () => void createNote() },
      { id: 'engagement.details', group: 'Engagement', label: 'Edit details…', run: () => setPanel('details') },
      { id: 'engagement.participants', group: 'Engagement', label: 'Show participants', run: () => setPanel('participants') },
      { id: 'engagement.attachments', group: 'Engagement', label: 'Show attachments', run: () => setPanel('attachments') },
      { id: 'engagement.back', group: 'Engagement', label: 'Back to all engagements', run: onBack },
      { id: 'engagement.delete', group: 'Engagement', label: 'Delete engagement…', run: () => setDeleting(true) },
    ],
    [createNote, onBack],
  );
  useCommands(commands);

  // Opened from the list (its row went with it) or by the New engagement dialog (closed before this page had its
  // data): once the open note or the way to start one is on screen, focus goes there rather than stay adrift.
  const arrived = Boolean(engagement && notes.notes && (notes.notes.length === 0 || notes.open));
  useEffect(() => {
    if (!arrived) return;
    const frame = requestAnimationFrame(() => {
      if (focusAdrift()) focusHome();
    });
    return () => cancelAnimationFrame(frame);
  }, [arrived]);

  if (!engagement) return <ErrorMessage error={error} />;
  const when = [formatDate(engagement.date), engagement.startTime && `${engagement.startTime}${engagement.endTime ? `–${engagement.endTime}` : ''}`];
  const meta = [labelOf(engagement.type), ...when, engagement.organisation, engagement.place].filter(Boolean).join(' · ');

  return (
    <div className="engagement-page">
      <header className="engagement-header">
        <div>
          <h1 id="area-title">{engagement.title}</h1>
          <p className="engagement-meta">{meta}</p>
        </div>
        <div className="engagement-actions" role="group" aria-label="Engagement">
          {(['details', 'participants', 'attachments'] as const).map((p) => (
            <button key={p} type="button" aria-pressed={panel === p} onClick={() => setPanel(panel === p ? null : p)}>
              {p === 'details' ? 'Details' : p === 'participants' ? 'Participants' : 'Attachments'}
            </button>
          ))}
          <button type="button" className="quiet danger-quiet" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        </div>
      </header>
      <div className={`engagement-body${panel ? ' with-drawer' : ''}`}>
        <nav className="note-list" aria-label="Notes">
          <ul>
            {notes.notes?.map((n) => (
              <li key={n.id}>
                <button type="button" aria-current={notes.open?.id === n.id ? 'true' : undefined} onClick={() => void notes.openNote(n.id)}>
                  <span className="note-title">{n.title}</span>
                  <span className="note-words">{n.source.startsWith('import:') ? `Imported ${n.source.slice(7)} · ` : ''}{n.wordCount.toLocaleString('en-GB')} words</span>
                </button>
                {notes.open?.id === n.id && (
                  <div className="note-item-actions" role="group" aria-label={`Note “${n.title}”`}>
                    <button type="button" className="quiet" onClick={() => setNoteAction('rename')}>
                      Rename <kbd>F2</kbd>
                    </button>
                    <button type="button" className="quiet danger-quiet" onClick={() => setNoteAction('delete')}>
                      Delete…
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="new-note" onClick={() => void notes.createNote()}>
            New note <kbd>{formatShortcut(NEW_NOTE)}</kbd>
          </button>
          <ImportNotesButton engagementId={engagementId} onImported={notes.reload} />
        </nav>
        <section className="note-pane" aria-label="Note">
          <ErrorMessage error={notes.error} />
          {notes.open ? (
            <NoteEditor
              // The revision too: after a conflict the same note opens afresh as the other window left it.
              key={`${notes.open.id}:${notes.open.revision}`}
              note={notes.open}
              label={`${notes.open.title} — ${engagement.title}`}
              onSaved={notes.noteSaved}
              focusOnOpen={notes.created === notes.open.id}
              onConflictResolved={(id) => {
                notes.reload();
                void notes.openNote(id);
              }}
              reveal={location?.noteId === notes.open.id ? location : undefined}
            />
          ) : (
            notes.notes && (
              <div className="empty note-empty">
                <p>No notes yet for this engagement.</p>
                <button type="button" className="primary" data-focus-home onClick={() => void notes.createNote()}>
                  Start taking notes <kbd>{formatShortcut(NEW_NOTE)}</kbd>
                </button>
              </div>
            )
          )}
        </section>
        <NoteManagement
          note={notes.notes?.find((n) => n.id === notes.open?.id) ?? null}
          asked={noteAction}
          onAsk={setNoteAction}
          onRenamed={notes.noteRenamed}
          onDeleted={notes.noteDeleted}
        />
        {deleting && <DeleteEngagement engagement={engagement} onClose={() => setDeleting(false)} onDeleted={onBack} />}
        {panel && <EngagementDrawer panel={panel} engagement={engagement} onClose={() => setPanel(null)} onChanged={(changed) => setEngagement(() => changed)} />}
      </div>
    </div>
  );
}
