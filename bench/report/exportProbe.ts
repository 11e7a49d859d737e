/**
 * One export in a process of its own, so its peak RSS is the exporter's work
 * (plus Node and the TypeScript loader, printed as the baseline) and not the
 * bench's or another format's.
 *   node --import tsx bench/report/exportProbe.ts <workspace> <docx|pdf|csv|xlsx> <out>
 * Prints one line of JSON (ExportProbeResult) on stdout.
 */
import { statSync } from 'node:fs';
import { ReportOptions, type ReportFormat } from '../../src/shared/domain/report';
import { exportBytes } from '../../src/main/core/export/exportReport';
import { chromiumPrinter } from '../../src/main/core/export/pdf/chromiumPrinter';
import { writeFileAtomic } from '../../src/main/core/files/writeOut';
import { openSnapshot } from '../../src/main/core/workspace/snapshot';
import { cpuMeter } from '../stats';

export interface ExportProbeResult {
  format: ReportFormat;
  seconds: number;
  /** CPU seconds of the export: this process's and Chromium's (for the PDF). */
  cpuSeconds: number;
  /** Of the time: each phase as the exporter reported it. */
  phases: { phase: string; seconds: number }[];
  bytes: number;
  rssAtStartMb: number;
  peakRssMb: number;
  check: { leftOut: number; replaced: number; findings: number; quotes: number };
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [workspacePath, format, out] = process.argv.slice(2) as [string, ReportFormat, string];
  const rssAtStartMb = maxRssMb();
  // The CLI's way in: a private copy of the workspace, so the bench changes no byte of it.
  const workspace = openSnapshot(workspacePath);
  const phases: { phase: string; seconds: number }[] = [];
  const started = performance.now();
  const cpu = cpuMeter({ children: format === 'pdf' });
  let phaseStart = started;
  let phase = '';
  try {
    const { bytes, check } = await exportBytes(format, ReportOptions.parse({}), {
      db: workspace.db,
      workspaceName: workspace.info().name,
      printer: format === 'pdf' ? chromiumPrinter() : undefined,
      onProgress: (next) => {
        if (next === phase) return;
        const now = performance.now();
        if (phase) phases.push({ phase, seconds: (now - phaseStart) / 1000 });
        phase = next;
        phaseStart = now;
      },
    });
    await writeFileAtomic(out, bytes, { overwrite: true });
    const end = performance.now();
    phases.push({ phase: `${phase} and saving`, seconds: (end - phaseStart) / 1000 });
    const result: ExportProbeResult = {
      format,
      seconds: (end - started) / 1000,
      cpuSeconds: cpu.stop(),
      phases,
      bytes: statSync(out).size,
      rssAtStartMb,
      peakRssMb: maxRssMb(),
      check: check.counts,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    workspace.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
