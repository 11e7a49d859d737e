/**
 * Exporting the report at review scale (issue 13). Prints figures beside their targets; asserts nothing.
 *   npx tsx bench/report.bench.ts [workspace.fieldnotes] [--scale S] [--seed N] [--runs N] [--keep]
 * Generates the review-scale workspace with the findings, recommendations and cell summaries its
 * generator adds (or takes a copy of the one given), then exports the full report and the evidence in
 * each format, each in a process of its own (bench/report/exportProbe.ts) for its peak RSS, and
 * prints the fastest of the runs.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportFormat } from '../src/shared/domain/report';
import { loadAverage, runProbe, withBenchWorkspace } from './harness';
import type { ExportProbeResult } from './report/exportProbe';

/** Seconds, on a quiet 2-core machine (issue 13). */
const TARGETS: Record<ReportFormat, number> = { docx: 5, pdf: 15, csv: 3, xlsx: 3 };

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      runs: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  console.log('\nThe report at review scale (issue 13)');
  await withBenchWorkspace('report', { given: positionals[0], seed: Number(values.seed), scale: Number(values.scale), keep: values.keep }, async (file, folder) => {
    for (const format of ['docx', 'pdf', 'csv', 'xlsx'] as const) {
      const before = loadAverage();
      let best: ExportProbeResult | undefined;
      for (let i = 0; i < runs; i++) {
        const r = await runProbe<ExportProbeResult>('bench/report/exportProbe.ts', [file, format, join(folder, `report.${format}`)]);
        if (!best || r.seconds < best.seconds) best = r;
      }
      const r = best!;
      const target = TARGETS[format];
      console.log(
        `export ${format}: ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s) — target < ${target} s: ${r.seconds < target ? 'met' : 'NOT met'}${runs > 1 ? ` (fastest of ${runs})` : ''}; ` +
          `${(r.bytes / 1024).toFixed(0)} KB; peak RSS ${r.peakRssMb.toFixed(0)} MB (Node and the loader alone: ${r.rssAtStartMb.toFixed(0)} MB); ` +
          `load average ${before} before`,
      );
      console.log(`  ${r.phases.map((p) => `${p.phase} ${p.seconds.toFixed(2)} s`).join('; ')}`);
    }
    console.log(
      `  (load average now ${loadAverage()}. On a shared machine wall times are stretched by about the load over the cores; ` +
        'the CPU time (the export and, for the PDF, Chromium) is the better guess at a quiet machine. Rerun on a quiet machine with: npx tsx bench/report.bench.ts --runs 3)',
    );
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
