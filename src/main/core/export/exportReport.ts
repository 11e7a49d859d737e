/**
 * One export from request to bytes (issue 13): read, check consent, render.
 * Nothing is written here — the caller writes the bytes atomically once they
 * are complete, so a cancelled or failed export leaves no file at all.
 */
import type Database from 'better-sqlite3';
import type { PreExportCheck, ReportFormat, ReportOptions } from '../../../shared/domain/report';
import { FieldnotesError } from '../../../shared/rpc/result';
import { listConsentParticipants } from '../services/participants';
import { listThemes } from '../services/themes';
import { consentRules } from './consent';
import { reportDocx } from './docx/reportDocx';
import { breathe, codedPassagesTable, codedPassageColumns } from './evidence/codedPassages';
import { toCsv } from './evidence/csv';
import { matrixTable } from './evidence/matrixTable';
import { toXlsx, type WorkbookSheet } from './evidence/xlsx';
import { CONTENTS_CHAPTER_PT, PAGE_RIGHT_MARGIN_MM } from './html/reportCss';
import { reportHtml } from './html/reportHtml';
import { numberContents } from './pdf/contentsPages';
import type { PrintPort } from './pdf/printPort';
import { buildReport } from './report/build';
import { CheckList, chosenThemes } from './report/checkList';
import { readFindingSources } from './report/findingSources';
import { readMatrixSource, reportMatrix } from './report/matrix';
import type { ReportMatrix, ReportModel } from './report/model';
import { readReportSources } from './report/sources';

export interface ExportContext {
  db: Database.Database;
  workspaceName: string;
  printer?: PrintPort;
  /** YYYY-MM-DD; defaults to today in local time. */
  today?: string;
  signal?: AbortSignal;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export const localToday = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function reportModel(ctx: ExportContext, options: ReportOptions): ReportModel {
  const sources = readReportSources(ctx.db, ctx.workspaceName, readFindingSources(ctx.db, options.includeMatrix));
  return buildReport(sources, options, ctx.today ?? localToday());
}

/** The pre-export check alone: what the export would leave out and replace, and why. */
export async function preExportCheck(format: ReportFormat, options: ReportOptions, ctx: ExportContext): Promise<PreExportCheck> {
  return (await exportBytes(format, options, { ...ctx, checkOnly: true })).check;
}

export async function exportBytes(
  format: ReportFormat,
  options: ReportOptions,
  ctx: ExportContext & { checkOnly?: boolean },
): Promise<{ bytes: Uint8Array; check: PreExportCheck }> {
  const progress = ctx.onProgress ?? (() => undefined);
  const steps = format === 'pdf' ? 4 : 3;
  progress('Reading the evidence', 0, steps);
  await breathe(ctx.signal);
  if (format === 'csv' || format === 'xlsx') return evidenceBytes(format, options, ctx, progress);

  const model = reportModel(ctx, options);
  progress('Checking consent and names', 1, steps);
  await breathe(ctx.signal);
  if (ctx.checkOnly) return { bytes: new Uint8Array(), check: model.check };
  if (format === 'docx') {
    progress('Writing the Word document', 2, steps);
    return { bytes: await reportDocx(model), check: model.check };
  }
  if (!ctx.printer) {
    throw new FieldnotesError('UNAVAILABLE', 'This copy of Fieldnotes cannot print PDFs here. Export a Word document instead, or use the desktop app.');
  }
  progress('Laying out the pages', 2, steps);
  const html = reportHtml(model);
  await breathe(ctx.signal);
  progress('Printing the PDF', 3, steps);
  const printed = await ctx.printer.printPdf(html, ctx.signal);
  await breathe(ctx.signal);
  progress('Numbering the contents', 3, steps);
  const pt = (mm: number) => (mm * 72) / 25.4;
  return { bytes: await numberContents(printed, { rightMargin: pt(PAGE_RIGHT_MARGIN_MM), chapterSize: CONTENTS_CHAPTER_PT - 0.5 }), check: model.check };
}

/**
 * CSV and Excel: the coded passages and the matrix, under the same consent rules. They read only
 * what they print — not the findings, recommendations and engagements the report is built from.
 */
async function evidenceBytes(
  format: 'csv' | 'xlsx',
  options: ReportOptions,
  ctx: ExportContext & { checkOnly?: boolean },
  progress: NonNullable<ExportContext['onProgress']>,
): Promise<{ bytes: Uint8Array; check: PreExportCheck }> {
  const check = new CheckList();
  const wantPassages = format === 'xlsx' || options.csvTable === 'passages';
  const wantMatrix = format === 'xlsx' || options.csvTable === 'matrix';
  let matrix: ReportMatrix | null = null;
  if (wantMatrix && options.includeMatrix) {
    const themes = listThemes(ctx.db);
    const rules = consentRules(listConsentParticipants(ctx.db), options.attribution);
    const clean = (where: string, text: string) => {
      const { text: out, replacements } = rules.pseudonymise(text);
      check.replaced(where, replacements);
      return out;
    };
    matrix = reportMatrix(readMatrixSource(ctx.db), chosenThemes(themes, options.themeIds), new Map(themes.map((t) => [t.id, t.name])), clean);
  } else if (wantMatrix) {
    check.add('note', 'Framework matrix', 'No matrix', 'Left out in the report options.');
  }
  progress('Checking consent and names', 1, 3);
  await breathe(ctx.signal);
  const passages = wantPassages
    ? await codedPassagesTable(ctx.db, options, check, { signal: ctx.signal, onProgress: (done, total) => progress('Checking consent and names', done, total) })
    : { header: codedPassageColumns, rows: [] };
  const result = check.summary(0);
  if (ctx.checkOnly) return { bytes: new Uint8Array(), check: result };
  progress(format === 'csv' ? 'Writing the CSV file' : 'Writing the workbook', 2, 3);
  await breathe(ctx.signal);
  const matrixRows = matrix ? matrixTable(matrix) : null;
  if (format === 'csv') {
    const table = options.csvTable === 'matrix' ? (matrixRows ?? { header: ['Theme'], rows: [] }) : passages;
    return { bytes: toCsv(table.header, table.rows), check: result };
  }
  const sheets: WorkbookSheet[] = [{ name: 'Coded passages', header: passages.header, rows: passages.rows, widths: [34, 70, 10, 18, 30, 16, 11, 16, 40, 9] }];
  if (matrix && matrixRows) {
    sheets.push({ name: 'Framework matrix', header: matrixRows.header, rows: matrixRows.rows, widths: [40, ...matrixRows.header.slice(1).map(() => 12)] });
    if (matrix.summaries.length) {
      sheets.push({
        name: 'Matrix summaries',
        header: ['Theme', matrix.dimensionLabel, 'Summary'],
        rows: matrix.summaries.map((s) => [s.theme, s.column, s.text]),
        widths: [34, 20, 90],
      });
    }
  }
  return { bytes: toXlsx(sheets), check: result };
}
