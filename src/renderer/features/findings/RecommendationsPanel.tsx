import { useEffect, useMemo, useRef, useState } from 'react';
import { findingLabel, type FindingSummary } from '../../../shared/domain/finding';
import { recommendationLabel, type Recommendation } from '../../../shared/domain/recommendation';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useQuery } from '../../api/queries';
import { useCommands, type Command } from '../../commands/registry';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RecommendationForm } from './RecommendationForm';

/** Recommendations by group, each citing findings; reordered by Alt+arrow keys or by dragging. */
export function RecommendationsPanel({ findings }: { findings: FindingSummary[] }) {
  const { data: groups = [] } = useQuery('recommendations.list', {});
  const create = useMutation('recommendations.create', { errorShownHere: true });
  const move = useMutation('recommendations.move');
  const createGroup = useMutation('recommendations.createGroup', { errorShownHere: true });
  const update = useMutation('recommendations.update', { errorShownHere: true });
  const remove = useMutation('recommendations.delete', { errorShownHere: true });
  const renameGroup = useMutation('recommendations.renameGroup', { errorShownHere: true });
  const deleteGroup = useMutation('recommendations.deleteGroup', { errorShownHere: true });
  // One form open at a time: adding to a group, editing a recommendation, or renaming a group.
  const [adding, setAdding] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [groupName, setGroupName] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);

  const start = (groupId: string) => {
    setEditing(null);
    setRenaming(null);
    setAdding(groupId);
  };
  const confirmRemove = (rec: Recommendation) => {
    if (window.confirm(`Delete ${recommendationLabel(rec.number)}? “${rec.text}” goes from the report; the findings it cites stay.`)) void remove.run({ id: rec.id });
  };
  // Every action of the area is in the palette too (issue 8): one command per group to start a recommendation.
  const commands = useMemo<Command[]>(
    () =>
      groups.map((g) => ({
        id: `recommendations.add.${g.id}`,
        group: 'Recommendations',
        label: `Add a recommendation for ${g.name.toLowerCase()}`,
        run: () => start(g.id),
      })),
    [groups],
  );
  useCommands(commands);
  const moveTo = (rec: Recommendation, groupId: string, index: number) => void move.run({ id: rec.id, groupId, index });
  // A keyboard move re-renders the list (into another group, a new element): the moved handle keeps the focus,
  // so Alt+arrow can be pressed again at once.
  const keepFocus = useRef<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!keepFocus.current) return;
    panel.current?.querySelector<HTMLButtonElement>(`[data-rec="${keepFocus.current}"]`)?.focus();
    keepFocus.current = null;
  }, [groups]);

  return (
    <div className="recommendations" ref={panel}>
      {groups.map((g, gi) => (
        <section key={g.id} className="rec-group" aria-labelledby={`group-${g.id}`}>
          {renaming === g.id ? (
            <GroupNameForm
              name={g.name}
              error={renameGroup.error}
              onSubmit={(name) => void renameGroup.run({ id: g.id, name }).then((r) => r.ok && setRenaming(null))}
              onCancel={() => setRenaming(null)}
            />
          ) : (
            <div className="rec-group-head">
              <h2 id={`group-${g.id}`}>{g.name}</h2>
              <button type="button" className="quiet small" aria-label={`Rename the group ${g.name}`} onClick={() => (setAdding(null), setEditing(null), setRenaming(g.id))}>
                Rename…
              </button>
              {g.recommendations.length === 0 && (
                <button type="button" className="quiet small danger-quiet" aria-label={`Delete the empty group ${g.name}`} onClick={() => void deleteGroup.run({ id: g.id })}>
                  Delete group
                </button>
              )}
            </div>
          )}
          {g.recommendations.length === 0 && <p className="empty">No recommendations for {g.name.toLowerCase()} yet.</p>}
          <ol
            className="rec-list"
            onDragOver={(e) => dragged && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const rec = groups.flatMap((x) => x.recommendations).find((r) => r.id === dragged);
              if (rec) moveTo(rec, g.id, g.recommendations.length);
              setDragged(null);
            }}
          >
            {g.recommendations.map((r, i) => (
              <li
                key={r.id}
                className="rec"
                draggable
                onDragStart={() => {
                  keepFocus.current = null;
                  setDragged(r.id);
                }}
                onDragEnd={() => setDragged(null)}
                onDragOver={(e) => dragged && e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  const rec = groups.flatMap((x) => x.recommendations).find((x) => x.id === dragged);
                  if (rec && rec.id !== r.id) moveTo(rec, g.id, i);
                  setDragged(null);
                }}
              >
                <button
                  type="button"
                  data-rec={r.id}
                  className="rec-handle"
                  aria-label={`${recommendationLabel(r.number)}: move with Alt and the arrow keys`}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                  onKeyDown={(e) => {
                    if (!e.altKey) return;
                    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                      e.preventDefault();
                      keepFocus.current = r.id;
                      const up = e.key === 'ArrowUp';
                      if (up && i === 0 && gi > 0) moveTo(r, groups[gi - 1]!.id, groups[gi - 1]!.recommendations.length);
                      else if (!up && i === g.recommendations.length - 1 && gi < groups.length - 1) moveTo(r, groups[gi + 1]!.id, 0);
                      else moveTo(r, g.id, up ? i - 1 : i + 1);
                    }
                  }}
                >
                  <span aria-hidden="true">⠿</span> {recommendationLabel(r.number)}
                </button>
                {editing === r.id ? (
                  <div className="rec-edit">
                    <RecommendationForm
                      findings={findings}
                      initial={{ text: r.text, findingIds: r.findings.map((f) => f.id) }}
                      submitLabel="Save recommendation"
                      pending={update.pending}
                      error={update.error}
                      onSubmit={(text, findingIds) => void update.run({ id: r.id, text, findingIds }).then((res) => res.ok && setEditing(null))}
                      onCancel={() => setEditing(null)}
                    />
                  </div>
                ) : (
                  <>
                    <span className="rec-text">{r.text}</span>
                    <span className="rec-cites">
                      {r.findings.length ? `Rests on ${r.findings.map((f) => findingLabel(f.number)).join(', ')}` : 'Cites no finding yet'}
                    </span>
                    <span className="rec-actions">
                      <button type="button" className="quiet small" aria-label={`Edit ${recommendationLabel(r.number)}`} onClick={() => (setAdding(null), setRenaming(null), setEditing(r.id))}>
                        Edit…
                      </button>
                      <button type="button" className="quiet small danger-quiet" aria-label={`Delete ${recommendationLabel(r.number)}`} onClick={() => confirmRemove(r)}>
                        Delete…
                      </button>
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
          {adding === g.id ? (
            <RecommendationForm
              findings={findings}
              initial={{ text: '', findingIds: [] }}
              submitLabel="Add recommendation"
              pending={create.pending}
              error={create.error}
              onSubmit={(text, findingIds) => void create.run({ groupId: g.id, text, findingIds }).then((res) => res.ok && setAdding(null))}
              onCancel={() => setAdding(null)}
            />
          ) : (
            <button type="button" onClick={() => start(g.id)}>
              Add a recommendation for {g.name.toLowerCase()}
            </button>
          )}
        </section>
      ))}
      <ErrorMessage error={remove.error ?? deleteGroup.error} />
      <form
        className="new-group"
        onSubmit={(e) => {
          e.preventDefault();
          void createGroup.run({ name: groupName }).then((r) => r.ok && setGroupName(''));
        }}
      >
        <label htmlFor="new-group">New group</label>
        <div className="with-button">
          <input id="new-group" value={groupName} onChange={(e) => setGroupName(e.target.value)} placeholder="Regulators and royal colleges" />
          <button type="submit">Add group</button>
        </div>
        <ErrorMessage error={createGroup.error} />
      </form>
    </div>
  );
}

/** A group's new name, typed where its heading was: Enter keeps it, Escape keeps the old one. */
function GroupNameForm({ name, error, onSubmit, onCancel }: { name: string; error: RpcError | null; onSubmit: (name: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(name);
  return (
    <form
      className="rec-group-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <label>
        Group name
        <input value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        Rename group
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
