import { Fragment, useMemo, useRef, useState } from 'react';
import { confidenceLabels, findingLabel, type FindingSummary } from '../../../shared/domain/finding';
import { useMutation, useQuery } from '../../api/queries';
import { useCommands, type Command } from '../../commands/registry';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { count } from '../analysis/format';
import { useThemeIndex } from '../themes/useThemeIndex';
import { FindingDetail } from './FindingDetail';
import { RecommendationsPanel } from './RecommendationsPanel';
import '../../styles/findings.css';

type Tab = 'findings' | 'recommendations';

/** The Findings area: findings with their evidence and CERQual, and the recommendations that cite them. */
export function FindingsView({ openFindingId }: { openFindingId?: string | null }) {
  const [tab, setTab] = useState<Tab>('findings');
  // The shell remounts the area (a new key) when a passage asks to show one of its findings.
  const [selected, setSelected] = useState<string | null>(openFindingId ?? null);
  const themes = useThemeIndex();
  const { data: findings = [], error } = useQuery('findings.list', { includeSubthemes: true }, { errorShownHere: true });
  const { data: finding } = useQuery('findings.get', { id: selected ?? '' }, { enabled: Boolean(selected) });
  const create = useMutation('findings.create', { errorShownHere: true });
  const move = useMutation('findings.move');
  const [statement, setStatement] = useState('');
  const newRef = useRef<HTMLTextAreaElement>(null);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'findings.new', group: 'Findings', label: 'New finding', run: () => (setTab('findings'), setTimeout(() => newRef.current?.focus(), 0)) },
      { id: 'findings.recommendations', group: 'Findings', label: 'Show the recommendations', run: () => setTab('recommendations') },
      { id: 'findings.list', group: 'Findings', label: 'Show the findings', run: () => setTab('findings') },
    ],
    [],
  );
  useCommands(commands);

  const submit = async () => {
    const result = await create.run({ statement });
    if (result.ok) {
      setStatement('');
      setSelected(result.value.id);
    }
  };

  return (
    <section className="area findings-area">
      <header className="area-header">
        <h1 id="area-title">Findings</h1>
        <div role="tablist" aria-label="Findings views" className="segmented">
          {(['findings', 'recommendations'] as Tab[]).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} tabIndex={tab === t ? 0 : -1} onClick={() => setTab(t)}>
              {t === 'findings' ? 'Findings' : 'Recommendations'}
            </button>
          ))}
        </div>
      </header>
      {tab === 'recommendations' ? (
        <RecommendationsPanel findings={findings} />
      ) : (
        <div className="findings-layout">
          <div className="findings-list-pane">
            <form
              className="new-finding"
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <label htmlFor="new-finding">New finding</label>
              <textarea
                id="new-finding"
                ref={newRef}
                rows={2}
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
                placeholder="What the evidence shows, in one sentence"
              />
              <ErrorMessage error={create.error} />
              <button type="submit" className="primary" disabled={create.pending}>
                Add finding
              </button>
            </form>
            <ErrorMessage error={error} />
            {findings.length === 0 ? (
              <p className="empty">
                No findings yet. Write one above, or choose “Add to finding…” on a passage in the theme view or the matrix to start one from
                its evidence.
              </p>
            ) : (
              <ol className="findings-list" aria-label="Findings, in report order">
                {findings.map((f, i) => (
                  <li key={f.id}>
                    <button
                      type="button"
                      className="finding-item"
                      title={f.statement}
                      aria-current={f.id === selected ? 'true' : undefined}
                      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                      onClick={() => setSelected(f.id)}
                      onKeyDown={(e) => {
                        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                        e.preventDefault();
                        const index = e.key === 'ArrowUp' ? Math.max(0, i - 1) : i + 1;
                        void move.run({ id: f.id, index });
                      }}
                    >
                      <span className="finding-number">{findingLabel(f.number)}</span>
                      <span className="finding-statement">{f.statement}</span>
                      <FindingMeta finding={f} />
                    </button>
                  </li>
                ))}
              </ol>
            )}
            {findings.length > 1 && <p className="hint">Alt+↑ and Alt+↓ move the chosen finding in the report’s order.</p>}
          </div>
          <div className="finding-pane">
            {finding && selected ? (
              <FindingDetail key={finding.id} finding={finding} themes={themes} onDeleted={() => setSelected(null)} />
            ) : (
              <p className="empty">Choose a finding to see its evidence and assess it with GRADE-CERQual.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * "Draft · 3 passages · Moderate confidence · ⚠ 2 warnings": each part kept whole, so a narrow list wraps
 * between parts and never leaves the ⚠ on one line and its count on the next.
 */
function FindingMeta({ finding }: { finding: FindingSummary }) {
  const warnings = finding.warnings.filter((w) => w.code !== 'not_assessed').length;
  const parts = [
    finding.status === 'agreed' ? 'Agreed' : 'Draft',
    count(finding.spread.passages, 'passage'),
    finding.confidence ? confidenceLabels[finding.confidence] : 'not assessed',
    ...(warnings > 0 ? [`⚠\u00a0${count(warnings, 'warning')}`] : []),
  ];
  // The space after each "·" lies between the unbreakable parts: the only place a line may break.
  return (
    <span className="finding-meta">
      {parts.map((part, i) => (
        <Fragment key={i}>
          <span>{i < parts.length - 1 ? `${part} ·` : part}</span>
          {i < parts.length - 1 && ' '}
        </Fragment>
      ))}
    </span>
  );
}
