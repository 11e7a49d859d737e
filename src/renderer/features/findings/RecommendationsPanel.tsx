import { useEffect, useRef, useState } from 'react';
import { findingLabel, type FindingSummary } from '../../../shared/domain/finding';
import { recommendationLabel, type Recommendation } from '../../../shared/domain/recommendation';
import { useMutation, useQuery } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** Recommendations by group, each citing findings; reordered by Alt+arrow keys or by dragging. */
export function RecommendationsPanel({ findings }: { findings: FindingSummary[] }) {
  const { data: groups = [] } = useQuery('recommendations.list', {});
  const create = useMutation('recommendations.create', { errorShownHere: true });
  const move = useMutation('recommendations.move');
  const createGroup = useMutation('recommendations.createGroup', { errorShownHere: true });
  const [adding, setAdding] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [cited, setCited] = useState<string[]>([]);
  const [groupName, setGroupName] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);

  const start = (groupId: string) => {
    setAdding(groupId);
    setText('');
    setCited([]);
  };
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
          <h2 id={`group-${g.id}`}>{g.name}</h2>
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
                <span className="rec-text">{r.text}</span>
                <span className="rec-cites">
                  {r.findings.length ? `Rests on ${r.findings.map((f) => findingLabel(f.number)).join(', ')}` : 'Cites no finding yet'}
                </span>
              </li>
            ))}
          </ol>
          {adding === g.id ? (
            <form
              className="new-rec"
              onSubmit={(e) => {
                e.preventDefault();
                void create.run({ groupId: g.id, text, findingIds: cited }).then((res) => res.ok && setAdding(null));
              }}
            >
              <label htmlFor={`rec-text-${g.id}`}>Recommendation</label>
              <textarea id={`rec-text-${g.id}`} rows={2} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
              <fieldset>
                <legend>Rests on findings</legend>
                {findings.length === 0 && <p className="hint">No findings yet: add them in the Findings tab first.</p>}
                {findings.map((f) => (
                  <label key={f.id} className="choice">
                    <input
                      type="checkbox"
                      checked={cited.includes(f.id)}
                      onChange={(e) => setCited(e.target.checked ? [...cited, f.id] : cited.filter((x) => x !== f.id))}
                    />
                    <span>
                      <strong>{findingLabel(f.number)}</strong> {f.statement}
                    </span>
                  </label>
                ))}
              </fieldset>
              <ErrorMessage error={create.error} />
              <div className="actions">
                <button type="button" onClick={() => setAdding(null)}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={create.pending}>
                  Add recommendation
                </button>
              </div>
            </form>
          ) : (
            <button type="button" onClick={() => start(g.id)}>
              Add a recommendation for {g.name.toLowerCase()}
            </button>
          )}
        </section>
      ))}
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
