import { useId, useState } from 'react';
import type { AgreementResult, Coder } from '../../../shared/domain/agreement';
import { useQuery } from '../../api/queries';
import { navigation } from '../../app/navigation';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { count, formatKappa, formatPercent, kappaReading } from './format';
import { HistoryPanel } from './HistoryPanel';
import { MERGE_IN, runTeamCommand, SEND_FOR_MERGING } from './TeamMerging';
import '../../styles/team.css';

/** The Team area: how far two reviewers who tagged the same notes agree, and where they differ (issue 10). */
export function AgreementView() {
  const coders = useQuery('agreement.list', {}, { errorShownHere: true });
  const list = coders.data ?? [];
  const [chosenA, setA] = useState('');
  const [chosenB, setB] = useState('');
  const [leaveOutUncoded, setLeaveOutUncoded] = useState(true);
  // Until someone chooses, the two most active reviewers.
  const a = chosenA || list[0]?.id || '';
  const b = chosenB || list.find((c) => c.id !== a)?.id || '';
  const ready = a !== '' && b !== '' && a !== b;
  const result = useQuery('agreement.get', { a, b, leaveOutUncoded, differencesLimit: 300 }, { enabled: ready, errorShownHere: true });

  return (
    <section className="area team-area" aria-labelledby="area-title">
      <header className="area-header">
        <h1 id="area-title">Team</h1>
      </header>
      <section aria-labelledby="merging-title" className="team-section">
        <h2 id="merging-title">Bringing the panel’s work together</h2>
        <p className="hint">
          Each reviewer sends their workspace as a merge pack; one person merges the packs in. You see what a pack adds, changes and deletes
          before anything changes, and a backup is taken first.
        </p>
        <div className="team-actions">
          <button type="button" onClick={() => runTeamCommand(SEND_FOR_MERGING)}>
            Send for merging…
          </button>
          <button type="button" className="primary" data-focus-home onClick={() => runTeamCommand(MERGE_IN)}>
            Merge in…
          </button>
        </div>
      </section>
      <HistoryPanel />
      <h2>Agreement between two reviewers</h2>
      <ErrorMessage error={coders.error} />
      {coders.data && list.length < 2 ? (
        <p className="empty">
          Agreement needs two reviewers who have tagged the same notes. Each reviewer can tag on their own laptop and
          the workspaces be merged, or both can tag in this workspace under their own names (Settings in the command
          palette, Ctrl+K, changes whose name is recorded).
        </p>
      ) : (
        <>
          <div className="agreement-controls">
            <CoderSelect label="First reviewer" value={a} coders={list} onChange={setA} />
            <CoderSelect label="Second reviewer" value={b} coders={list} onChange={setB} />
            <label className="check">
              <input type="checkbox" checked={leaveOutUncoded} onChange={(e) => setLeaveOutUncoded(e.target.checked)} />
              Leave out text neither reviewer tagged
            </label>
          </div>
          <p className="hint">
            Counted character by character over the notes both reviewers tagged. Counting untagged text as agreement
            makes kappa look better than it is, so it is left out unless you choose otherwise.
          </p>
          {a === b && a !== '' && <p role="alert">Choose two different reviewers.</p>}
          <ErrorMessage error={result.error} />
          {ready && result.data && <AgreementReport result={result.data} />}
        </>
      )}
    </section>
  );
}

function CoderSelect({ label, value, coders, onChange }: { label: string; value: string; coders: Coder[]; onChange: (id: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {coders.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.initials}) — {count(c.passages, 'passage')} in {count(c.notes, 'note')}
          </option>
        ))}
      </select>
    </div>
  );
}

function AgreementReport({ result }: { result: AgreementResult }) {
  if (result.notes === 0) {
    return (
      <p className="empty" role="status">
        {result.a.name} and {result.b.name} have not tagged any note in common yet. Agreement is counted over notes both
        have tagged.
      </p>
    );
  }
  const { overall } = result;
  return (
    <>
      <p className="agreement-overall" role="status">
        Over {count(result.notes, 'note')}, all themes pooled: kappa{' '}
        <strong>{formatKappa(overall.kappa)}</strong> ({kappaReading(overall.kappa)}), agreement{' '}
        <strong>{formatPercent(overall.percent)}</strong>.
      </p>
      <table className="list-table agreement-table">
        <caption className="visually-hidden">Agreement by theme</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col" className="numeric">Kappa</th>
            <th scope="col" className="numeric">Agreement</th>
            <th scope="col" className="numeric">Both</th>
            <th scope="col" className="numeric">Only {result.a.initials}</th>
            <th scope="col" className="numeric">Only {result.b.initials}</th>
            <th scope="col" className="numeric">Passages {result.a.initials} (overlap)</th>
            <th scope="col" className="numeric">Passages {result.b.initials} (overlap)</th>
          </tr>
        </thead>
        <tbody>
          {result.themes.map((t) => (
            <tr key={t.themeId}>
              <th scope="row">{t.themeName}</th>
              <td className="numeric">
                {formatKappa(t.kappa)} <span className="reading">{kappaReading(t.kappa)}</span>
              </td>
              <td className="numeric">{formatPercent(t.percent)}</td>
              <td className="numeric">{t.counts.both.toLocaleString('en-GB')}</td>
              <td className="numeric">{t.counts.onlyA.toLocaleString('en-GB')}</td>
              <td className="numeric">{t.counts.onlyB.toLocaleString('en-GB')}</td>
              <td className="numeric">
                {t.passagesA} ({t.overlappingA})
              </td>
              <td className="numeric">
                {t.passagesB} ({t.overlappingB})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Both, Only: characters. Overlap: passages that overlap one of the other reviewer’s with the same theme.</p>
      <h3>Where they differ</h3>
      {result.differenceCount === 0 ? (
        <p className="empty">They tagged exactly the same text with the same themes.</p>
      ) : (
        <>
          <p className="hint">
            {result.differenceCount.toLocaleString('en-GB')} {result.differenceCount === 1 ? 'place' : 'places'}
            {result.differences.length < result.differenceCount ? `, the first ${result.differences.length} shown` : ''}.
          </p>
          <ul className="agreement-differences">
            {result.differences.map((d) => {
              const who = d.codedBy === 'a' ? result.a : result.b;
              return (
                <li key={`${d.noteId}:${d.themeId}:${d.codedBy}:${d.start}`}>
                  <div className="difference-meta">
                    <span className="difference-theme">{d.themeName}</span> — only {who.name} ({who.initials}) · {d.noteTitle}
                  </div>
                  <blockquote>{d.text}</blockquote>
                  <button
                    type="button"
                    onClick={() => navigation.openNote({ engagementId: d.engagementId, noteId: d.noteId, range: { start: d.start, end: d.end } })}
                  >
                    Open in note<span className="visually-hidden">: {d.noteTitle}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
