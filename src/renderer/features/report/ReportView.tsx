import { useCallback, useMemo, useState } from 'react';
import { reportFileName, type ExportProgress } from '../../../shared/domain/report';
import { useMutation, useQuery } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { useCommands, type Command } from '../../commands/registry';
import { useSaveFile } from '../files/useSaveFile';
import { findingNavigation } from '../findings/links';
import { EditParticipantDialog } from '../participants/ParticipantDialog';
import { defaultChoices, homeTheme, isReport, toggled, toReportOptions, type ReportChoices } from './choices';
import { ExportPanel } from './ExportPanel';
import { FindingsChooser } from './FindingsChooser';
import { PreExportCheckPanel, type CheckFixes } from './PreExportCheckPanel';
import { ReportOptionsForm } from './ReportOptionsForm';
import { useDebounced } from './useDebounced';
import { useExportJob } from './useExportJob';
import '../../styles/report.css';

const actionLabels = {
  docx: 'Export the Word document…',
  pdf: 'Export the PDF…',
  csv: 'Export the CSV file…',
  xlsx: 'Export the Excel workbook…',
} as const;

/** The Report area: choose what goes in, read the pre-export check, export with progress and Cancel. */
export function ReportView() {
  const { workspace } = useApp();
  const [choices, setChoices] = useState<ReportChoices>(defaultChoices);
  const change = useCallback((next: Partial<ReportChoices>) => setChoices((c) => ({ ...c, ...next })), []);
  const { data: findings = [] } = useQuery('findings.list', { includeSubthemes: true });
  const { data: themes = [] } = useQuery('themes.list', {});
  const { data: participants = [] } = useQuery('participants.list', {});
  const { data: attributes = [] } = useQuery('attributes.list', {});
  const options = useMemo(() => toReportOptions(choices, findings), [choices, findings]);
  const request = useDebounced(useMemo(() => ({ format: choices.format, options }), [choices.format, options]), 300);
  const check = useQuery('report.check', request, { errorShownHere: true });
  const checking = check.loading || request.options !== options;

  const saveFile = useSaveFile();
  const exportJob = useExportJob();
  const [saveError, setSaveError] = useState<ReturnType<typeof useExportJob>['error']>(null);
  const exportReport = useMutation('report.export', { errorShownHere: true }).run;
  const start = useCallback(() => {
    setSaveError(null);
    saveFile.save<ExportProgress>({
      title: 'Export the report',
      suggestedName: reportFileName(workspace?.name ?? '', choices.format, choices.csvTable),
      write: (target) => exportReport({ format: choices.format, options, ...target }),
      onSaved: exportJob.follow,
      onError: setSaveError,
    });
  }, [saveFile, workspace?.name, choices.format, choices.csvTable, options, exportJob.follow, exportReport]);

  const [editing, setEditing] = useState<{ id: string; code: string } | null>(null);
  const idByCode = useMemo(() => new Map(participants.map((p) => [p.code, p.id])), [participants]);
  const numberById = useMemo(() => new Map(findings.map((f) => [f.id, f.number])), [findings]);
  const fixes: CheckFixes = {
    hasParticipant: (code) => idByCode.has(code),
    editParticipant: (code) => setEditing({ id: idByCode.get(code)!, code }),
    openFinding: (findingId) => findingNavigation.emit({ findingId }),
    findingLabel: (findingId) => (numberById.has(findingId) ? `F${numberById.get(findingId)}` : null),
    includeFinding: (findingId) =>
      setChoices((c) => {
        const finding = findings.find((f) => f.id === findingId);
        const theme = finding ? homeTheme(finding) : '';
        if (!c.leftOutThemes.includes(theme)) return { ...c, leftOutFindings: toggled(c.leftOutFindings, findingId, false) };
        // Its whole theme was left out: put the theme back with only this finding of it.
        const others = findings.filter((f) => homeTheme(f) === theme && f.id !== findingId).map((f) => f.id);
        return { ...c, leftOutThemes: toggled(c.leftOutThemes, theme, false), leftOutFindings: [...new Set([...c.leftOutFindings, ...others])] };
      }),
  };

  const running = exportJob.job.state === 'running';
  const commands = useMemo<Command[]>(
    () => [
      { id: 'report.export', group: 'Report', label: 'Export the report…', enabled: () => !running, run: start },
      { id: 'report.cancel', group: 'Report', label: 'Cancel the export', enabled: () => running, run: exportJob.cancel },
      { id: 'report.recheck', group: 'Report', label: 'Check the report again', run: () => void check.refetch() },
    ],
    [start, running, exportJob.cancel, check],
  );
  useCommands(commands);

  return (
    <section className="area report-area">
      <header className="area-header">
        <h1 id="area-title">Report</h1>
      </header>
      <p className="lede">
        The findings report in Word or PDF, or the evidence as CSV or Excel. Check what will be left out or replaced, then export.
      </p>
      <div className="report-layout">
        <div className="report-choose">
          <ReportOptionsForm choices={choices} onChange={change} />
          {isReport(choices.format) && <FindingsChooser findings={findings} themes={themes} choices={choices} onChange={change} />}
        </div>
        <div className="report-side">
          <PreExportCheckPanel check={check.data} checking={checking} error={check.error} fixes={fixes} />
          <ExportPanel
            job={exportJob.job}
            error={saveError ?? exportJob.error}
            actionLabel={actionLabels[choices.format]}
            disabled={running}
            onExport={start}
            onCancel={exportJob.cancel}
          />
        </div>
      </div>
      {saveFile.dialog}
      <EditParticipantDialog
        participantId={editing?.id ?? null}
        code={editing?.code ?? ''}
        attributes={attributes}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void check.refetch();
        }}
        onDeleted={() => {
          setEditing(null);
          void check.refetch();
        }}
      />
    </section>
  );
}
