/**
 * The findings report as data: every section, already filtered by consent and
 * with real names replaced, in reading order. The Word and HTML renderers
 * draw exactly this and decide nothing about what may be printed.
 */
import type { PreExportCheck } from '../../../../shared/domain/report';

export interface ReportQuote {
  text: string;
  /** "P014, nurse" or, for a passage with no speaker, its source ("Site visit, Moorfields Eye Hospital"). */
  attribution: string;
  keyQuote: boolean;
}

export interface ReportFinding {
  /** "F3". */
  label: string;
  statement: string;
  /** "Moderate confidence"; null when not assessed. */
  confidence: string | null;
  explanation: string;
  components: { label: string; concern: string; note: string }[];
  quotes: ReportQuote[];
  evidence: { passages: number; participants: number; staffGroups: number; engagements: number };
  draft: boolean;
}

export interface ReportTheme {
  name: string;
  definition: string;
  findings: ReportFinding[];
}

export interface ReportMatrix {
  dimensionLabel: string;
  columns: string[];
  rows: { name: string; depth: number; total: number; cells: number[] }[];
  totals: number[];
  grandTotal: number;
  summaries: { theme: string; column: string; text: string }[];
}

export interface ReportRecommendationGroup {
  name: string;
  items: { label: string; text: string; findings: string[] }[];
}

export interface ReportModel {
  title: string;
  panel: string;
  /** "12 March 2019". */
  dateLabel: string;
  isoDate: string;
  version: string;
  draft: boolean;
  author: string;
  overview: { engagements: number; participants: number; passages: number; findings: number; recommendations: number };
  method: {
    period: { from: string; to: string } | null;
    engagementTypes: { label: string; count: number; from: string; to: string; places: string[] }[];
    staffGroups: { label: string; count: number }[];
    reviewers: string[];
  };
  /** In the order the findings are reported, with the theme each is reported under. Confidence: "Moderate". */
  findingsSummary: { theme: string; label: string; statement: string; confidence: string; passages: number; participants: number }[];
  themes: ReportTheme[];
  matrix: ReportMatrix | null;
  recommendations: ReportRecommendationGroup[];
  engagementLog: { date: string; title: string; type: string; where: string; participants: number }[] | null;
  codebook: { name: string; depth: number; code: string; definition: string; exclusions: string; passages: number }[] | null;
  check: PreExportCheck;
}

/** 2019-02-11 → "11 February 2019" (UK English, no time zone: the date is a calendar date). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** 2018-03-12 → "12 Mar 2018", for tables. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}
