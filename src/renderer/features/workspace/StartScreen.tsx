import { useState } from 'react';
import type { RecentWorkspace } from '../../../shared/domain/workspace';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useQuery } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { commandRegistry } from '../../commands/registry';
import { formatShortcut } from '../../commands/shortcut';
import { ErrorMessage } from '../../ui/ErrorMessage';

const NONE: RecentWorkspace[] = [];
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The first screen: create a workspace, open one, or pick a recent one. */
export function StartScreen() {
  const { reviewer, setWorkspace, showWorkspaceDialog, openFailed } = useApp();
  // Forgetting one announces `workspace`, so the list follows by itself.
  const listed = useQuery('workspace.recent', {}, { errorShownHere: true });
  const recent = listed.data ?? NONE;
  const [error, setError] = useState<RpcError | null>(null);
  const openRecent = useMutation('workspace.openRecent', { errorShownHere: true }).run;
  const forgetRecent = useMutation('workspace.forget').run;

  // A recent workspace is named by its id: the core keeps the path (shown here, never sent back).
  const open = async (id: string) => {
    setError(null);
    const result = await openRecent({ id });
    if (result.ok) setWorkspace(result.value);
    else if (!openFailed(result.error)) setError(result.error);
  };
  const forget = async (id: string) => {
    await forgetRecent({ id });
  };

  return (
    <main className="start">
      <header className="start-header">
        <p className="brand">Fieldnotes</p>
        <h1>Evidence for your review, kept on this laptop</h1>
        <p className="lede">
          A workspace is one file holding a review’s engagements, notes, themes and findings. Keep it wherever you
          like — an encrypted drive, a laptop folder.
        </p>
      </header>
      <div className="start-actions">
        {/* The first thing to use after first run: focus starts here (issue 11). */}
        <button type="button" className="primary" autoFocus data-focus-home onClick={() => showWorkspaceDialog('create')}>
          Create workspace… <kbd>{formatShortcut({ key: 'n', mod: true, shift: true })}</kbd>
        </button>
        <button type="button" onClick={() => showWorkspaceDialog('open')}>
          Open workspace… <kbd>{formatShortcut({ key: 'o', mod: true })}</kbd>
        </button>
        <button type="button" onClick={() => commandRegistry.run('project.import')}>
          Import a project (.qdpx)…
        </button>
      </div>
      <ErrorMessage error={error ?? listed.error} />
      <section aria-labelledby="recent-title" className="recent">
        <h2 id="recent-title">Recent workspaces</h2>
        {recent.length === 0 ? (
          <p className="empty">Workspaces you open will be listed here.</p>
        ) : (
          <ul className="recent-list">
            {recent.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="recent-open"
                  disabled={!item.exists}
                  onClick={() => void open(item.id)}
                  aria-describedby={`recent-${item.id}`}
                >
                  <span className="recent-name">{item.name}</span>
                  <span className="recent-path">{item.path}</span>
                </button>
                <span className="recent-meta" id={`recent-${item.id}`}>
                  {item.exists ? `Opened ${dateFormat.format(new Date(item.openedAt))}` : 'File not found'}
                </span>
                <button type="button" className="quiet" onClick={() => void forget(item.id)} aria-label={`Remove ${item.name} from the list`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="start-footer">
        Taking notes as <strong>{reviewer.name}</strong> ({reviewer.initials}) · Press{' '}
        <kbd>{formatShortcut({ key: 'k', mod: true })}</kbd> for every command
      </p>
    </main>
  );
}
