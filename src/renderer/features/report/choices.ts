import type { FindingSummary } from '../../../shared/domain/finding';
import type { ReportFormat, ReportOptionsInput } from '../../../shared/domain/report';

/**
 * What the person has chosen on the Report screen, as they see it: themes and
 * findings ticked, fields as typed. `toReportOptions` turns it into the
 * core's options; the core checks every value again.
 */
export interface ReportChoices {
  format: ReportFormat;
  csvTable: 'passages' | 'matrix';
  title: string;
  panel: string;
  version: string;
  /** YYYY-MM-DD, or '' for today. */
  date: string;
  draft: boolean;
  attribution: 'pseudonym' | 'names';
  includeMatrix: boolean;
  includeEngagementLog: boolean;
  includeCodebook: boolean;
  quotesPerFinding: number;
  /** Themes whose findings are left out, by the id of the theme a finding is reported under ('' for none). */
  leftOutThemes: readonly string[];
  leftOutFindings: readonly string[];
}

export const defaultChoices: ReportChoices = {
  format: 'docx',
  csvTable: 'passages',
  title: '',
  panel: '',
  version: '1.0',
  date: '',
  draft: true,
  attribution: 'pseudonym',
  includeMatrix: true,
  includeEngagementLog: true,
  includeCodebook: true,
  quotesPerFinding: 3,
  leftOutThemes: [],
  leftOutFindings: [],
};

/** The theme a finding is reported under ('' when it has none). */
export const homeTheme = (finding: Pick<FindingSummary, 'themeIds'>): string => finding.themeIds[0] ?? '';

/** A theme ticked off leaves out its findings by id, so sub-themes never slip back in through their parent. */
export function toReportOptions(choices: ReportChoices, findings: readonly FindingSummary[]): ReportOptionsInput {
  const themes = new Set(choices.leftOutThemes);
  const byHand = new Set(choices.leftOutFindings);
  return {
    themeIds: null,
    excludedFindingIds: findings.filter((f) => byHand.has(f.id) || themes.has(homeTheme(f))).map((f) => f.id),
    includeMatrix: choices.includeMatrix,
    includeEngagementLog: choices.includeEngagementLog,
    includeCodebook: choices.includeCodebook,
    attribution: choices.attribution,
    draft: choices.draft,
    title: choices.title,
    panel: choices.panel,
    version: choices.version,
    date: choices.date === '' ? null : choices.date,
    csvTable: choices.csvTable,
    quotesPerFinding: choices.quotesPerFinding,
  };
}

export const toggled = (list: readonly string[], id: string, on: boolean): string[] =>
  on ? [...new Set([...list, id])] : list.filter((x) => x !== id);

/** The report's sections apply to Word and PDF; the evidence exports carry passages and the matrix. */
export const isReport = (format: ReportFormat) => format === 'docx' || format === 'pdf';
