import { useId } from 'react';
import { attributionLabels, attributionLevels, reportFormats, type ReportFormat } from '../../../shared/domain/report';
import { Field } from '../../ui/Field';
import { isReport, type ReportChoices } from './choices';

const formatNames: Record<ReportFormat, { label: string; hint: string }> = {
  docx: { label: 'Word (.docx)', hint: 'The findings report, with contents and styles, to edit and publish.' },
  pdf: { label: 'PDF', hint: 'The same report, tagged and searchable, with bookmarks.' },
  csv: { label: 'CSV', hint: 'One table of the evidence, for a spreadsheet or a statistics package.' },
  xlsx: { label: 'Excel (.xlsx)', hint: 'Coded passages, the framework matrix and its summaries, one sheet each.' },
};

interface Props {
  choices: ReportChoices;
  onChange: (next: Partial<ReportChoices>) => void;
}

/** What goes into the export: format, title page, sections, how quotes are attributed. */
export function ReportOptionsForm({ choices, onChange }: Props) {
  const id = useId();
  const report = isReport(choices.format);
  return (
    <div className="report-options">
      <fieldset className="report-formats">
        <legend>Format</legend>
        <div className="report-format-cards">
        {reportFormats.map((format) => (
          <label key={format} className="report-format">
            <input type="radio" name={`${id}-format`} checked={choices.format === format} onChange={() => onChange({ format })} />
            <span>
              <strong>{formatNames[format].label}</strong>
              <span className="hint">{formatNames[format].hint}</span>
            </span>
          </label>
        ))}
        </div>
      </fieldset>

      {choices.format === 'csv' && (
        <fieldset className="choice-group">
          <legend>Table</legend>
          <label className="choice">
            <input type="radio" name={`${id}-table`} checked={choices.csvTable === 'passages'} onChange={() => onChange({ csvTable: 'passages' })} />
            Coded passages (one row per passage and theme)
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-table`} checked={choices.csvTable === 'matrix'} onChange={() => onChange({ csvTable: 'matrix' })} />
            Framework matrix (counts)
          </label>
        </fieldset>
      )}

      {report && (
        <fieldset className="report-fieldset">
          <legend>Title page</legend>
          <div className="report-fields">
            <Field label="Title" value={choices.title} maxLength={300} placeholder="The review’s name" onChange={(e) => onChange({ title: e.target.value })} />
            <Field
              label="Issued by"
              value={choices.panel}
              maxLength={300}
              placeholder="The panels named in the engagements"
              onChange={(e) => onChange({ panel: e.target.value })}
            />
            <Field label="Version" className="short" value={choices.version} maxLength={40} onChange={(e) => onChange({ version: e.target.value })} />
            <Field label="Date" type="date" value={choices.date} hint="Empty: today." onChange={(e) => onChange({ date: e.target.value })} />
          </div>
          <label className="choice">
            <input type="checkbox" checked={choices.draft} onChange={(e) => onChange({ draft: e.target.checked })} />
            Mark as a draft (title page, header and footer)
          </label>
        </fieldset>
      )}

      {report && (
        <fieldset className="choice-group">
          <legend>Sections</legend>
          <label className="choice">
            <input type="checkbox" checked={choices.includeMatrix} onChange={(e) => onChange({ includeMatrix: e.target.checked })} />
            Framework matrix
          </label>
          <label className="choice">
            <input type="checkbox" checked={choices.includeEngagementLog} onChange={(e) => onChange({ includeEngagementLog: e.target.checked })} />
            Appendix: engagement log
          </label>
          <label className="choice">
            <input type="checkbox" checked={choices.includeCodebook} onChange={(e) => onChange({ includeCodebook: e.target.checked })} />
            Appendix: codebook
          </label>
        </fieldset>
      )}

      <fieldset className="choice-group report-attribution">
        <legend>Quotes attributed by</legend>
        {attributionLevels.map((level) => (
          <label key={level} className="choice">
            <input type="radio" name={`${id}-attribution`} checked={choices.attribution === level} onChange={() => onChange({ attribution: level })} />
            {attributionLabels[level]}
          </label>
        ))}
        <p className="hint">Participants marked “not for quotation” are never quoted, in any format.</p>
      </fieldset>

      {report && (
        <Field
          label="Quotes under each finding"
          type="number"
          className="short"
          min={0}
          max={50}
          value={choices.quotesPerFinding}
          hint="At most this many, key quotes first."
          onChange={(e) => onChange({ quotesPerFinding: Math.max(0, Math.min(50, Math.round(Number(e.target.value) || 0))) })}
        />
      )}
    </div>
  );
}
