import { useId } from 'react';
import type { QdpxImportReport } from '../../../shared/domain/refi';
import { count } from '../analysis/format';
import { ImportedThemeList } from '../themes/ImportedThemeList';
import '../../styles/themes.css';

/**
 * What an import would add (the preview) or added (the report): counts,
 * what meets what is already here, and every thing not carried and why.
 * One component for both, since the preview is the same walk rolled back.
 */
export function ImportSummary({ report, stage }: { report: QdpxImportReport; stage: 'preview' | 'done' }) {
  const id = useId();
  const c = report.counts;
  const from = `“${report.projectName}”${report.origin ? ` from ${report.origin}` : ''}`;
  const merged = report.themes.merged;
  const conflicts = [
    ...(merged ? [`${count(merged, 'theme')} of the file ${merged === 1 ? 'shares its name' : 'share their names'} with a theme at the same place (already here, or earlier in the file) and ${stage === 'preview' ? 'will be' : 'were'} merged with it, not duplicated.`] : []),
    ...report.remarks,
  ];
  return (
    <section className="exchange-summary" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{stage === 'preview' ? `Importing ${from} will add` : `Imported ${from}`}</h3>
      <dl className="exchange-counts-grid">
        <dt>Themes</dt>
        <dd>
          {count(report.themes.added, 'new theme')}
          {merged > 0 && `, ${merged} already here`}
        </dd>
        <dt>Engagements</dt>
        <dd>{c.engagements.toLocaleString('en-GB')}</dd>
        <dt>Notes</dt>
        <dd>{c.notes.toLocaleString('en-GB')}</dd>
        <dt>Passages</dt>
        <dd>
          {c.passages.toLocaleString('en-GB')}
          {c.passages > 0 && ` (${report.alignment.aligned.toLocaleString('en-GB')} start and end on word boundaries)`}
        </dd>
        <dt>Participants</dt>
        <dd>{c.participants.toLocaleString('en-GB')}</dd>
        <dt>Memos</dt>
        <dd>{c.memos.toLocaleString('en-GB')}</dd>
        <dt>Findings</dt>
        <dd>{c.findings.toLocaleString('en-GB')}</dd>
      </dl>
      {conflicts.length > 0 && (
        <>
          <h4>Meeting what is here, and how it was read</h4>
          <ul className="exchange-list">
            {conflicts.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h4>Not carried</h4>
      {report.notCarried.length ? (
        <ul className="exchange-list exchange-not-carried">
          {report.notCarried.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">Everything in the file {stage === 'preview' ? 'can be' : 'was'} carried.</p>
      )}
      {report.themes.items.length > 0 && (
        <details className="exchange-themes">
          <summary>Themes in the file ({report.themes.items.length.toLocaleString('en-GB')})</summary>
          <ImportedThemeList items={report.themes.items} />
        </details>
      )}
    </section>
  );
}
