/**
 * Team work at review scale (issue 10). Prints figures beside their targets; asserts nothing.
 *   npx tsx bench/team.bench.ts [--runs N]
 * Takes the scale-1 workspace (bench/workspace cache, generated once into .tmp/bench/), copies it to two
 * laptops in a temporary folder — the secretariat's, where three people are added, and where a second coder codes
 * 100 notes, and a reviewer's, where one week is written (bench/team/week.ts: 20 engagements, 50,000 words,
 * 1,000 passages, three people whose codes collide) — and sends the reviewer's as a merge pack. A child process
 * (bench/team/mergeProbe.ts) then merges it as "Merge in…" does and computes agreement between the two coders.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packBytes } from '../src/main/core/merge/packs';
import { actAs } from '../src/main/core/services/reviewer';
import { openWorkspace } from '../src/main/core/workspace/workspace';
import { runProbe } from './harness';
import type { MergeProbeResult } from './team/mergeProbe';
import { meetPeople, secondCoding, WEEK, writeWeek } from './team/week';
import { load, workspaceFor } from './workspace/cache';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } } });
const MERGE_TARGET_MS = 10_000;
const KAPPA_TARGET_MS = 2_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const REVIEWER = { id: 'bench-week-reviewer', name: 'Week Reviewer', initials: 'WR' };

async function main(): Promise<void> {
  console.log(`team (issue 10): merging one reviewer's week into the review-scale workspace; agreement of two coders (${load()})`);
  const base = workspaceFor(1);
  const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-team-bench-'));
  try {
    const here = join(folder, 'secretariat.fieldnotes');
    const laptop = join(folder, 'reviewer laptop.fieldnotes');
    copyFileSync(base, here);
    copyFileSync(base, laptop);

    const started = performance.now();
    const secretariat = openWorkspace(here);
    actAs(secretariat.db, { id: 'bench-secretariat', name: 'Secretariat', initials: 'SEC' }, 'bench-secretariat');
    meetPeople(secretariat.db, 'bench-secretariat', 'nurse');
    const { first, passages: secondCoderPassages } = secondCoding(secretariat.db, 'bench-secretariat');
    secretariat.close();
    const reviewer = openWorkspace(laptop);
    actAs(reviewer.db, REVIEWER, 'bench-laptop');
    const week = writeWeek(reviewer.db, REVIEWER.id);
    const pack = join(folder, 'week for merging.fieldnotes');
    writeFileSync(pack, packBytes(reviewer.db));
    reviewer.close();
    console.log(
      `  the week: ${WEEK.engagements} engagements, ${fmt(week.words)} words, ${fmt(week.passages)} passages, ${WEEK.newPeople} new people on each laptop, ` +
        `and on the secretariat's ${fmt(secondCoderPassages)} passages of a second coding of ${WEEK.doubleCoded} notes (set up in ${(performance.now() - started) / 1000 | 0} s)`,
    );

    const r = await runProbe<MergeProbeResult>('bench/team/mergeProbe.ts', [here, pack, first, 'bench-secretariat', values.runs!]);
    const counts = Object.entries(r.counts).filter(([, n]) => n > 0).map(([k, n]) => `${fmt(n)} ${k}`).join(', ');
    console.log(`  merge preview (reads only)            ${fmt(r.previewMs)} ms`);
    console.log(
      `  merge, one transaction                ${fmt(r.mergeMs)} ms (CPU ${fmt(r.mergeCpuMs)} ms)   target < ${fmt(MERGE_TARGET_MS)} ms: ${verdict(r.mergeMs < MERGE_TARGET_MS)}   (${counts}; ${r.renumbered} renumbered)`,
    );
    console.log(`  backup taken before the merge         ${fmt(r.backupMs)} ms`);
    console.log(`  peak RSS of the merging process       ${r.peakRssMb.toFixed(0)} MB`);
    console.log(
      `  kappa, two coders over ${r.kappa.notes} shared notes  median ${fmt(r.kappa.median)} ms, p95 ${fmt(r.kappa.p95)} ms   target < ${fmt(KAPPA_TARGET_MS)} ms: ${verdict(r.kappa.p95 < KAPPA_TARGET_MS)}   (pooled kappa ${r.kappa.pooled?.toFixed(2) ?? '—'})`,
    );
    console.log(`  (${load()})`);
  } finally {
    if (values.keep) console.log(`  kept: ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

void main();
