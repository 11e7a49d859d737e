/**
 * Analysis at review scale and four times it (issue 8). Prints figures beside their targets; asserts nothing.
 *   npx tsx bench/findings.bench.ts                      (scales 1 and 4, generated once into .tmp/bench/)
 *   npx tsx bench/findings.bench.ts [--scales 1,4] [--runs N] [--workspace FILE]
 * Each workspace is copied into a temporary folder (the file given is never changed), opened, and the core's
 * services are called in this process, each beside the nearest bare SQL returning the same rows, so the cost
 * of our layers shows. With --workspace the scale (and so the targets) is read from its passage count:
 * review scale is 40,000 passages.
 *
 * The services answer from the in-memory analysis index (services/analysisIndex.ts). Each line prints it
 * warm (nothing written since the last call) and cold (the first call after a write the index follows: a
 * passage's key quote toggled, so one note's passages are re-read), and the index's first build — at once, and
 * as the app does it: in the background from the moment the workspace opens, with the latency of a first
 * request that comes straight after opening (it finishes the build) and of one that comes once it is done.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { analysisIndex, buildInBackground, isBuildingInBackground } from '../src/main/core/services/analysisIndex';
import { cooccurrence } from '../src/main/core/services/cooccurrence';
import { matrix } from '../src/main/core/services/matrix';
import { updatePassage } from '../src/main/core/services/passages';
import { search } from '../src/main/core/services/search';
import { themeView } from '../src/main/core/services/themeView';
import { listThemes } from '../src/main/core/services/themes';
import { openWorkspace } from '../src/main/core/workspace/workspace';
import { ms, summarise } from './stats';
import { load, workspaceFor } from './workspace/cache';
import { COMMON_WORD } from './workspace/vocabulary';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,4' }, runs: { type: 'string', default: '15' }, workspace: { type: 'string' } },
});
const runs = Number(values.runs);
/** `uptime`'s own line (the load beside the figures), or the load average where there is no uptime. */
const uptime = () => {
  try {
    return `uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`;
  } catch {
    return load();
  }
};
const REVIEW_SCALE_PASSAGES = 40_000;

/**
 * Wall-clock median and p95, and the median of the process's CPU time: on a loaded machine the wall clock
 * waits for a core, and the CPU time shows what the work itself took.
 */
function time(fn: () => unknown, before?: () => void): { median: number; p95: number; cpu: number } {
  before?.();
  fn(); // warm the code paths
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...summarise(samples), cpu: summarise(cpu).median };
}

/** Targets: the matrix and co-occurrence ("heavy") 150 ms at review scale, 300 at four times; the filtered paths 50 and 150. */
const targetOf = (scale: number, heavy: boolean) => (heavy ? (scale > 2 ? 300 : 150) : scale > 2 ? 150 : 50);

const cpuNow = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** The index's first build: at once (the figure), then as the app opens a workspace (in the background). */
async function measure(source: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-findings-bench-'));
  try {
    const path = join(folder, 'bench.fieldnotes');
    copyFileSync(source, path);
    let workspace = openWorkspace(path);
    const built = performance.now();
    const cpu = cpuNow();
    const { passages } = analysisIndex(workspace.db);
    const firstBuild = performance.now() - built;
    const firstBuildCpu = cpuNow() - cpu;
    const scale = passages.count / REVIEW_SCALE_PASSAGES;
    console.log(`\nScale ${scale.toFixed(1)} — ${basename(source)}: ${passages.count.toLocaleString('en-GB')} passages (${load()})`);
    console.log(`  analysis index, first build at once: ${ms(firstBuild)} (CPU ${ms(firstBuildCpu)})`);
    workspace.close();

    // As the app opens a workspace: the build starts in the background; a request straight after opening finishes it.
    workspace = openWorkspace(path);
    buildInBackground(workspace.db);
    const atOnce = performance.now();
    matrix(workspace.db, { dimension: 'staffGroup' });
    console.log(`  the matrix asked for straight after opening (it finishes the background build): ${ms(performance.now() - atOnce)}`);
    workspace.close();
    workspace = openWorkspace(path);
    const opened = performance.now();
    buildInBackground(workspace.db);
    let longestStep = 0;
    while (isBuildingInBackground(workspace.db)) {
      const before = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      longestStep = Math.max(longestStep, performance.now() - before);
    }
    const background = performance.now() - opened;
    const first = performance.now();
    matrix(workspace.db, { dimension: 'staffGroup' });
    console.log(
      `  built in the background at open: done ${ms(background)} after opening, the longest step a request could wait behind ${ms(longestStep)}; ` +
        `the first matrix after it: ${ms(performance.now() - first)}`,
    );
    lines(workspace.db, scale, analysisIndex(workspace.db).passages);
    console.log(`  (${load()})`);
    workspace.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function lines(db: Database.Database, scale: number, passages: ReturnType<typeof analysisIndex>['passages']): void {
  // One write the index follows: a passage's key quote, toggled; the next call re-reads that passage's note.
  const someone = passages.id[Math.floor(passages.count / 2)]!;
  let keyQuote = passages.keyQuote[Math.floor(passages.count / 2)] === 1;
  const write = () => void updatePassage(db, { id: someone, keyQuote: (keyQuote = !keyQuote) });
  const line = (name: string, heavy: boolean, ours: () => unknown, bare: () => unknown, search = false) => {
    const warm = time(ours);
    const cold = time(ours, write);
    const b = time(bare);
    const t = targetOf(scale, heavy);
    const met = (p95: number) => (p95 < t ? 'met' : 'NOT met');
    console.log(`  ${name} — target p95 < ${t} ms`);
    const figures = (f: typeof warm) => `median ${ms(f.median)}, p95 ${ms(f.p95)} (${met(f.p95)}; CPU ${ms(f.cpu)})`;
    console.log(`    warm: ${figures(warm)}; cold, first call after a write: ${figures(cold)}`);
    if (search) {
      // Search keeps the page's marked texts for its last few queries (services/searchMarks.ts): this is a query it has not seen.
      console.log(`    a query not searched before (no marked text kept): ${figures(time(ours, () => analysisIndex(db).searchMarks.clear()))}`);
    }
    console.log(`    bare SQL: median ${ms(b.median)}, p95 ${ms(b.p95)} (CPU ${ms(b.cpu)})`);
  };
  const themes = listThemes(db);
  const top = themes
    .filter((t) => t.depth === 0)
    .map((t) => ({
      t,
      n: (
        db
          .prepare(
            `WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT th.id FROM themes th JOIN d ON th.parent_id = d.id)
             SELECT count(DISTINCT passage_id) AS n FROM passage_themes WHERE theme_id IN d`,
          )
          .get(t.id) as { n: number }
      ).n,
    }))
    .sort((a, b) => b.n - a.n)[0]!;

  line(
    'matrix, all themes × staff groups',
    true,
    () => matrix(db, { dimension: 'staffGroup' }),
    () =>
      db
        .prepare(
          `SELECT pt.theme_id, pa.staff_group, count(*), count(DISTINCT p.participant_id) FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id
           LEFT JOIN participants pa ON pa.id = p.participant_id GROUP BY pt.theme_id, pa.staff_group`,
        )
        .all(),
  );
  line(
    'co-occurrence, 30 largest themes',
    true,
    () => cooccurrence(db),
    () =>
      db
        .prepare(
          `WITH big AS (SELECT theme_id FROM passage_themes GROUP BY theme_id ORDER BY count(*) DESC LIMIT 30)
           SELECT a.theme_id, b.theme_id, count(*) FROM passage_themes a JOIN passage_themes b ON b.passage_id = a.passage_id AND a.theme_id < b.theme_id
           WHERE a.theme_id IN big AND b.theme_id IN big GROUP BY a.theme_id, b.theme_id`,
        )
        .all(),
  );
  line(
    `theme view of the branch “${top.t.name}” (${top.n.toLocaleString('en-GB')} passages, page of 200)`,
    false,
    () => themeView(db, { themeIds: [top.t.id], mode: 'any', includeSubthemes: true, limit: 200 }),
    () =>
      db
        .prepare(
          `WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT th.id FROM themes th JOIN d ON th.parent_id = d.id)
           SELECT DISTINCT p.id FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id WHERE pt.theme_id IN d`,
        )
        .all(top.t.id),
  );
  const fts = () => db.prepare('SELECT rowid FROM note_blocks_fts WHERE note_blocks_fts MATCH ?').all(COMMON_WORD);
  line(`search “${COMMON_WORD}” with a staff-group filter (page of 50)`, false, () => search(db, { query: COMMON_WORD, filters: { staffGroups: ['nurse'] }, limit: 50 }), fts, true);
  line(`search “${COMMON_WORD}”, key quotes only (page of 50)`, false, () => search(db, { query: COMMON_WORD, filters: { keyQuotesOnly: true }, limit: 50 }), fts, true);
  line(
    `search “${COMMON_WORD}” in workshops (page of 50)`,
    false,
    () => search(db, { query: COMMON_WORD, filters: { engagementTypes: ['workshop'] }, limit: 50 }),
    fts,
    true,
  );
}

console.log(`Findings bench (issue 8) — ${uptime()}`);
const sources = values.workspace ? [values.workspace] : values.scales.split(',').map((s) => workspaceFor(Number(s)));
void (async () => {
  for (const source of sources) await measure(source);
  console.log(`\n${uptime()}`);
})();
