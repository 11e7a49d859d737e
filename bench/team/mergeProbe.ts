/**
 * The team bench's measuring child (bench/team.bench.ts): merge a pack into a workspace as "Merge in…" does
 * (backup, preview, the merge in one transaction), then agreement between the two coders, in a process of its
 * own so its peak RSS is the merge's. Prints one JSON line.
 *   node --import tsx bench/team/mergeProbe.ts WORKSPACE PACK FIRST_CODER SECOND_CODER RUNS
 */
import { mergeInto, previewMerge } from '../../src/main/core/merge/mergePack';
import { openPack } from '../../src/main/core/merge/packs';
import { computeAgreement } from '../../src/main/core/services/agreement';
import { actAs } from '../../src/main/core/services/reviewer';
import { backupWorkspaceFile, openWorkspace } from '../../src/main/core/workspace/workspace';
import { summarise } from '../stats';

export interface MergeProbeResult {
  backupMs: number;
  previewMs: number;
  mergeMs: number;
  mergeCpuMs: number;
  peakRssMb: number;
  counts: Record<string, number>;
  renumbered: number;
  kappa: { median: number; p95: number; notes: number; pooled: number | null };
}

const [path, packPath, first, second, runsArg] = process.argv.slice(2);
if (!path || !packPath || !first || !second) throw new Error('usage: mergeProbe.ts WORKSPACE PACK FIRST_CODER SECOND_CODER [RUNS]');

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const value = fn();
  return [value, performance.now() - t];
};

const [, backupMs] = time(() => backupWorkspaceFile(path, undefined, undefined, 'before merge'));
const workspace = openWorkspace(path);
actAs(workspace.db, { id: 'bench-secretariat', name: 'Secretariat', initials: 'SEC' }, 'bench-secretariat');
const pack = openPack(packPath);
const [, previewMs] = time(() => previewMerge(workspace.db, pack.db));
const cpu = process.cpuUsage();
const [report, mergeMs] = time(() => mergeInto(workspace.db, pack.db));
const used = process.cpuUsage(cpu);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
pack.close();

const runs = Number(runsArg ?? 5);
const samples: number[] = [];
let last;
for (let i = 0; i <= runs; i++) {
  const [result, ms] = time(() => computeAgreement(workspace.db, { a: first, b: second }));
  if (i > 0) samples.push(ms); // the first warms the code paths
  last = result;
}
workspace.close();
const kappa = summarise(samples);
const result: MergeProbeResult = {
  backupMs,
  previewMs,
  mergeMs,
  mergeCpuMs: (used.user + used.system) / 1000,
  peakRssMb,
  counts: report.counts,
  renumbered: report.renumbered.length,
  kappa: { median: kappa.median, p95: kappa.p95, notes: last!.notes, pooled: last!.overall.kappa },
};
console.log(JSON.stringify(result));
