import { z } from 'zod';

/**
 * The findings report and the evidence exports (issue 13): what a person
 * chooses before exporting, and the pre-export check they read.
 */

export const reportFormats = ['docx', 'pdf', 'csv', 'xlsx'] as const;
export const ReportFormat = z.enum(reportFormats, { error: 'Choose a format: docx, pdf, csv or xlsx.' });
export type ReportFormat = z.infer<typeof ReportFormat>;

export const reportFormatLabels: Record<ReportFormat, string> = {
  docx: 'Word document (.docx)',
  pdf: 'PDF',
  csv: 'Coded passages, CSV',
  xlsx: 'Coded passages and matrix, Excel (.xlsx)',
};

export const reportExtensions: Record<ReportFormat, string> = { docx: '.docx', pdf: '.pdf', csv: '.csv', xlsx: '.xlsx' };

/** The file name an export suggests, from the review's name: letters, digits, spaces and dashes, as every system accepts. */
export function reportFileName(workspaceName: string, format: ReportFormat, csvTable: 'passages' | 'matrix'): string {
  const base = workspaceName.replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim() || 'Report';
  const kind = format === 'csv' ? (csvTable === 'matrix' ? ' matrix' : ' coded passages') : format === 'xlsx' ? ' evidence' : ' findings report';
  return `${base}${kind}${reportExtensions[format]}`;
}

export const attributionLevels = ['pseudonym', 'names'] as const;
export const AttributionLevel = z.enum(attributionLevels, { error: 'Choose how quotes are attributed.' });

export const attributionLabels: Record<(typeof attributionLevels)[number], string> = {
  pseudonym: 'Code and staff group only (“P014, nurse”)',
  names: 'Names of those who consented to attribution; codes for everyone else',
};

const Id = z.string().min(1).max(100);
const Line = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters.`);

export const ReportOptions = z
  .object({
    /** Themes whose findings are reported (with their sub-themes); null: all. */
    themeIds: z.array(Id).max(2000).nullable().default(null),
    /** Findings left out by hand, by id. */
    excludedFindingIds: z.array(Id).max(5000).default([]),
    includeMatrix: z.boolean().default(true),
    includeEngagementLog: z.boolean().default(true),
    includeCodebook: z.boolean().default(true),
    attribution: AttributionLevel.default('pseudonym'),
    draft: z.boolean().default(false),
    /** Printed on the title page; empty: the review's name. */
    title: Line(300).default(''),
    /** Who issues the report ("The Topol Review Board"); empty: the panels named in the engagements. */
    panel: Line(300).default(''),
    version: Line(40).default('1.0'),
    /** The report's date, YYYY-MM-DD; null: today. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
      .nullable()
      .default(null),
    /** Which table a CSV holds (a workbook holds both). */
    csvTable: z.enum(['passages', 'matrix']).default('passages'),
    /** At most this many quotes under each finding (key quotes first). */
    quotesPerFinding: z.number().int().min(0).max(50).default(3),
  })
  .strict();
export type ReportOptions = z.infer<typeof ReportOptions>;
export type ReportOptionsInput = z.input<typeof ReportOptions>;

/** One line of the pre-export check: something left out, or changed, and why. */
export const CheckItem = z.object({
  kind: z.enum(['left_out', 'replaced', 'note']),
  /** Where: "F3 Radiographers need…", "Coded passages", "Matrix". */
  where: z.string(),
  what: z.string(),
  why: z.string(),
  /** How many times (a name replaced in 12 quotes counts 12). */
  count: z.number().int(),
  /** The participants it is about, by code: where to fix it (their consent, their recorded name). */
  participantCodes: z.array(z.string()),
  /** The finding it is about: where to fix it, or put it back. */
  findingId: z.string().nullable(),
});
export type CheckItem = z.infer<typeof CheckItem>;

export const PreExportCheck = z.object({
  items: z.array(CheckItem),
  counts: z.object({
    findings: z.number().int(),
    quotes: z.number().int(),
    leftOut: z.number().int(),
    replaced: z.number().int(),
  }),
});
export type PreExportCheck = z.infer<typeof PreExportCheck>;

export const ExportProgress = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** What it is doing, in a few words ("Writing quotes", "Printing the PDF"). */
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** Where the file was written, once done. */
  path: z.string().nullable(),
  /** A sentence a person can act on, once failed. */
  error: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;
