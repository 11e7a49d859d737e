/**
 * Exporting the report at review scale (issue 13). Prints figures beside their targets; asserts nothing.
 *   npx tsx bench/report.bench.ts [workspace.fieldnotes] [--scale S] [--seed N] [--keep]
 * Generates the review-scale workspace with the findings, recommendations and cell summaries its
 * generator adds (or takes a copy of the one given), then exports the full report and the evidence in
 * each format, each in a process of its own (bench/report/exportProbe.ts) for its peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportFormat } from '../src/shared/domain/report';
import type { ExportProbeResult } from './report/exportProbe';
import { generateWorkspace } from './workspace/generate';

/** Seconds, on a quiet 2-core machine (issue 13). */
const TARGETS: Record<ReportFormat, number> = { docx: 5, pdf: 15, csv: 3, xlsx: 3 };
const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');

function probe(workspace: string, format: ReportFormat, out: string): ExportProbeResult {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'report', 'exportProbe.ts'), workspace, format, out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ExportProbeResult;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' }, scale: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
  });
  const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-report-bench-'));
  const file = join(folder, 'review.fieldnotes');
  console.log('\nThe report at review scale (issue 13)');
  try {
    if (positionals[0]) {
      copyFileSync(resolve(positionals[0]), file);
      console.log(`workspace: a copy of ${positionals[0]}`);
    } else {
      const made = generateWorkspace(file, { seed: Number(values.seed), scale: Number(values.scale) });
      console.log(
        `workspace: generated in ${made.seconds.toFixed(1)} s (seed ${made.seed}, scale ${made.scale}): ${made.counts.passages.toLocaleString('en-GB')} passages, ` +
          `${made.findings.findings} findings, ${made.findings.recommendations} recommendations, ${made.findings.cellSummaries} cell summaries`,
      );
    }
    for (const format of ['docx', 'pdf', 'csv', 'xlsx'] as const) {
      const before = load();
      const r = probe(file, format, join(folder, `report.${format}`));
      const target = TARGETS[format];
      console.log(
        `export ${format}: ${r.seconds.toFixed(2)} s — target < ${target} s: ${r.seconds < target ? 'met' : 'NOT met'}; ` +
          `${(r.bytes / 1024).toFixed(0)} KB; peak RSS ${r.peakRssMb.toFixed(0)} MB (Node and the loader alone: ${r.rssAtStartMb.toFixed(0)} MB); ` +
          `load average ${before} before`,
      );
      console.log(`  ${r.phases.map((p) => `${p.phase} ${p.seconds.toFixed(2)} s`).join('; ')}`);
    }
    console.log(`  (load average now ${load()}: on a shared machine the times are inflated by about the load over the cores)`);
  } finally {
    if (values.keep) console.log(`kept: ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

main();
