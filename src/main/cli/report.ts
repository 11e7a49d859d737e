/**
 * `fieldnotes export <workspace> --format docx|pdf|csv|xlsx --out FILE` (issue 13):
 * the report or the evidence without the app, with progress on a terminal and
 * the pre-export check printed. Ctrl+C cancels and leaves no file.
 */
import { resolve } from 'node:path';
import { ReportOptions, type ReportFormat, type PreExportCheck } from '../../shared/domain/report';
import { FieldnotesError } from '../../shared/rpc/result';
import { checkWriteTarget, writeFileAtomic } from '../core/files/writeOut';
import { openSnapshot } from '../core/workspace/snapshot';
import type { Io } from './run';

export const reportFormatNames = ['docx', 'pdf', 'csv', 'xlsx'] as const;

export interface ReportFlags {
  out?: string;
  force?: boolean;
  draft?: boolean;
  'attribute-names'?: boolean;
  'no-matrix'?: boolean;
  'no-appendices'?: boolean;
  table?: string;
  title?: string;
  panel?: string;
  'report-version'?: string;
  date?: string;
  quotes?: string;
  json?: boolean;
}

export const REPORT_HELP = `  fieldnotes export <file.fieldnotes> --format docx|pdf|csv|xlsx --out <file> [--force] [--draft]
      [--attribute-names] [--no-matrix] [--no-appendices] [--table passages|matrix] [--title T] [--panel P]
      [--report-version V] [--date YYYY-MM-DD] [--quotes N]`;

export function printCheck(check: PreExportCheck, io: Io): void {
  const kinds = { left_out: 'Left out', replaced: 'Replaced', note: 'Note' } as const;
  io.out(`Pre-export check: ${check.counts.leftOut} left out, ${check.counts.replaced} replaced.`);
  for (const item of check.items) {
    io.out(`  ${kinds[item.kind]}: ${item.where}: ${item.what}${item.count > 1 ? ` (×${item.count})` : ''} — ${item.why}`);
  }
}

export async function exportReportCommand(workspacePath: string, format: ReportFormat, flags: ReportFlags, io: Io): Promise<number> {
  if (!flags.out) throw new FieldnotesError('INVALID_INPUT', `Say where to write the export: --out FILE.${format}`);
  const parsed = ReportOptions.safeParse({
    draft: Boolean(flags.draft),
    attribution: flags['attribute-names'] ? 'names' : 'pseudonym',
    includeMatrix: !flags['no-matrix'],
    includeEngagementLog: !flags['no-appendices'],
    includeCodebook: !flags['no-appendices'],
    csvTable: flags.table ?? 'passages',
    title: flags.title ?? '',
    panel: flags.panel ?? '',
    version: flags['report-version'] ?? '1.0',
    date: flags.date ?? null,
    quotesPerFinding: flags.quotes === undefined ? 3 : Number(flags.quotes),
  });
  if (!parsed.success) throw new FieldnotesError('INVALID_INPUT', parsed.error.issues[0]!.message);
  // Loaded here, not at start: the other commands should not pay for docx, the PDF printer and Excel.
  const { exportBytes } = await import('../core/export/exportReport');
  const { chromiumPrinter } = await import('../core/export/pdf/chromiumPrinter');
  const out = resolve(flags.out);
  await checkWriteTarget(out, Boolean(flags.force)); // a taken name is refused now, not after the work
  const workspace = openSnapshot(workspacePath);
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  const terminal = process.stderr.isTTY === true;
  let last = '';
  const started = performance.now();
  try {
    const { bytes, check } = await exportBytes(format, parsed.data, {
      db: workspace.db,
      workspaceName: workspace.info().name,
      printer: format === 'pdf' ? chromiumPrinter() : undefined,
      signal: controller.signal,
      onProgress: (phase, done, total) => {
        const line = total > 10 ? `${phase}… ${Math.round((100 * done) / total)}%` : `${phase}…`;
        if (line === last) return;
        last = line;
        if (terminal) process.stderr.write(`\r\x1b[2K${line}`);
        else if (!flags.json) io.err(line);
      },
    });
    if (terminal) process.stderr.write('\r\x1b[2K');
    await writeFileAtomic(out, bytes, { overwrite: Boolean(flags.force) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (flags.json) io.out(JSON.stringify({ ok: true, path: out, bytes: bytes.byteLength, check }));
    else {
      printCheck(check, io);
      io.out(`Wrote ${out} (${Math.max(1, Math.round(bytes.byteLength / 1024))} KB) in ${seconds} s.`);
    }
    return 0;
  } catch (error) {
    if (terminal) process.stderr.write('\r\x1b[2K');
    if (controller.signal.aborted) {
      io.err('fieldnotes: export cancelled; no file was written.');
      return 1;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
    workspace.close();
  }
}
