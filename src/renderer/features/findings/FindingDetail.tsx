import { useMemo, useState } from 'react';
import { findingLabel, findingStatusLabels, findingStatuses, type Finding, type FindingStatus } from '../../../shared/domain/finding';
import { recommendationLabel } from '../../../shared/domain/recommendation';
import { useMutation } from '../../api/queries';
import { navigation } from '../../app/navigation';
import { useCommands, type Command } from '../../commands/registry';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { sourceLine, speakerLine } from '../analysis/format';
import { passageSpeaker } from '../analysis/PassageQuote';
import { ConsentSign, UnknownConsentSign } from '../participants/ConsentSign';
import { ThemeChip } from '../themes/ThemeChip';
import type { ThemeIndex } from '../themes/useThemeIndex';
import { CerqualForm } from './CerqualForm';
import { spreadLine } from './format';
import { RecordHistorySection } from '../team/HistoryPanel';

const stateLabel = { attached: '', detached: 'Detached: its text was deleted from the note', deleted: 'Deleted: only the quoted text is kept' };

/** One finding: statement, status, themes, how far its evidence reaches and what to beware of, its passages, its assessment. */
export function FindingDetail({ finding, themes, onDeleted }: { finding: Finding; themes: ThemeIndex; onDeleted: () => void }) {
  // Keyed by the finding's id by its parent, so choosing another finding starts afresh.
  const [statement, setStatement] = useState(finding.statement);
  const update = useMutation('findings.update', { errorShownHere: true });
  const remove = useMutation('findings.removePassage', { errorShownHere: true });
  const del = useMutation('findings.delete', { errorShownHere: true });
  const [addTheme, setAddTheme] = useState('');
  const label = findingLabel(finding.number);
  const s = finding.spread;

  const saveStatement = () => {
    if (statement.trim() && statement !== finding.statement) void update.run({ id: finding.id, statement });
  };
  const { run: updateRun } = update;
  const { run: deleteRun } = del;
  const { citedBy } = finding;
  const confirmDelete = useMemo(
    () => () => {
      const cited = citedBy.map((r) => recommendationLabel(r.number)).join(', ');
      const question = cited ? `Delete ${label}? ${cited} cite${citedBy.length === 1 ? 's' : ''} it and will stop citing it.` : `Delete ${label}?`;
      if (window.confirm(question)) void deleteRun({ id: finding.id }).then((r) => r.ok && onDeleted());
    },
    [citedBy, label, deleteRun, finding.id, onDeleted],
  );
  // Every action of the open finding is in the palette too (issue 8): its status and its deletion.
  const commands = useMemo<Command[]>(
    () => [
      ...findingStatuses
        .filter((st) => st !== finding.status)
        .map((st) => ({
          id: `finding.status.${st}`,
          group: 'Findings',
          label: `Mark ${label} as ${findingStatusLabels[st].toLowerCase()}`,
          run: () => void updateRun({ id: finding.id, status: st }),
        })),
      { id: 'finding.delete', group: 'Findings', label: `Delete finding ${label}…`, run: confirmDelete },
    ],
    [finding.id, finding.status, label, updateRun, confirmDelete],
  );
  useCommands(commands);

  return (
    <article className="finding-detail" aria-labelledby="finding-title">
      <header className="finding-head">
        <h2 id="finding-title">
          {label}
          <span className={`badge status-${finding.status}`}>{findingStatusLabels[finding.status]}</span>
        </h2>
        <div className="finding-actions">
          <label>
            Status
            <select value={finding.status} onChange={(e) => void update.run({ id: finding.id, status: e.target.value as FindingStatus })}>
              {findingStatuses.map((st) => (
                <option key={st} value={st}>
                  {findingStatusLabels[st]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="quiet" onClick={confirmDelete}>
            Delete finding
          </button>
        </div>
      </header>
      <div className="field">
        <label htmlFor="finding-statement">Statement</label>
        <textarea id="finding-statement" rows={2} value={statement} onChange={(e) => setStatement(e.target.value)} onBlur={saveStatement} />
      </div>
      <div className="finding-themes">
        <span className="label">Themes</span>
        <ul aria-label="Themes of this finding">
          {finding.themeIds.map((id, i) => (
            <li key={id}>
              <ThemeChip name={themes.get(id)?.name ?? '…'} colour={themes.get(id)?.colour ?? '#7F7F7F'} />
              {i === 0 && <span className="reported-under">reported under</span>}
              <button
                type="button"
                className="quiet small"
                aria-label={`Remove theme ${themes.get(id)?.name ?? ''}`}
                onClick={() => void update.run({ id: finding.id, themeIds: finding.themeIds.filter((t) => t !== id) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <label>
          <span className="visually-hidden">Add a theme</span>
          <select
            value={addTheme}
            onChange={(e) => {
              setAddTheme('');
              if (e.target.value) void update.run({ id: finding.id, themeIds: [...finding.themeIds, e.target.value] });
            }}
          >
            <option value="">Add a theme…</option>
            {[...themes.values()]
              .filter((t) => !finding.themeIds.includes(t.id))
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.path ? `${t.path} › ${t.name}` : t.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={update.error ?? remove.error ?? del.error} />

      <section aria-labelledby="spread-title" className="spread">
        <h3 id="spread-title">Evidence</h3>
        <p>{spreadLine(s)}</p>
        {finding.warnings.length > 0 && (
          <ul className="warnings" aria-label="Warnings">
            {finding.warnings.map((w) => (
              <li key={w.code} className={`warning warning-${w.code}`}>
                <span aria-hidden="true">⚠ </span>
                {w.message}
              </li>
            ))}
          </ul>
        )}
        {finding.citedBy.length > 0 && <p className="hint">Cited by {finding.citedBy.map((r) => recommendationLabel(r.number)).join(', ')}.</p>}
      </section>

      <section aria-labelledby="evidence-title">
        <h3 id="evidence-title">Supporting passages</h3>
        {finding.passages.length === 0 ? (
          <p className="empty">
            No passages yet. In the theme view, the matrix, search or a note’s passage bar, choose “Add to finding…” on a passage.
          </p>
        ) : (
          <ol className="evidence-list">
            {finding.passages.map((p) => (
              <li key={p.passageId} className={`evidence evidence-${p.state}`}>
                {p.state !== 'attached' && <span className="badge badge-detached">{stateLabel[p.state]}</span>}
                {p.participant?.consent === 'none' && <ConsentSign code={p.participant.code} />}
                {p.unknownSpeaker && <UnknownConsentSign code={p.unknownSpeaker} />}
                {p.keyQuote && <span className="badge badge-key">★ Key quote</span>}
                <blockquote>{p.quotedText}</blockquote>
                <p className="result-source">
                  <span>{speakerLine(passageSpeaker(p))}</span>
                  {p.source && <span>{sourceLine(p.source)}</span>}
                </p>
                {p.memo && <p className="result-memo">Memo: {p.memo}</p>}
                <div className="evidence-actions">
                  {p.source && (
                    <button
                      type="button"
                      className="quiet"
                      onClick={() => navigation.openNote({ engagementId: p.source!.engagementId, noteId: p.source!.noteId, passageId: p.passageId })}
                    >
                      Open in note
                    </button>
                  )}
                  <button type="button" className="quiet" onClick={() => void remove.run({ id: finding.id, passageId: p.passageId })}>
                    Remove from finding
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <CerqualForm key={`${finding.id} ${finding.cerqual.assessedAt ?? ''}`} findingId={finding.id} cerqual={finding.cerqual} />
      <RecordHistorySection record={{ table: 'findings', recordId: finding.id }} />
    </article>
  );
}
