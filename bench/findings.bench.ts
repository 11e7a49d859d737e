/**
 * Analysis at review scale (issue 8). Prints figures beside their targets; asserts nothing.
 *   npx tsx bench/findings.bench.ts [--scale S] [--runs N] [--seed N] [--workspace FILE]
 * Generates a workspace (bench/workspace/generate.ts) in a temporary folder (or copies the one given) and calls
 * the core's services in this process, each beside the nearest bare SQL, so the cost of our layers shows.
 *
 * The services answer from the in-memory analysis index (services/analysisIndex.ts). Each line prints it
 * warm (nothing written since the last call) and cold (the first call after a write the index follows: a
 * passage's key quote toggled, so one note's passages are re-read), and the first build after opening.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analysisIndex } from '../src/main/core/services/analysisIndex';
import { cooccurrence } from '../src/main/core/services/cooccurrence';
import { matrix } from '../src/main/core/services/matrix';
import { updatePassage } from '../src/main/core/services/passages';
import { search } from '../src/main/core/services/search';
import { themeView } from '../src/main/core/services/themeView';
import { listThemes } from '../src/main/core/services/themes';
import { openWorkspace } from '../src/main/core/workspace/workspace';
import { ms, summarise } from './stats';
import { generateWorkspace } from './workspace/generate';
import { COMMON_WORD } from './workspace/vocabulary';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '15' }, seed: { type: 'string', default: '1' }, workspace: { type: 'string' } },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-findings-bench-'));

function time(fn: () => unknown, before?: () => void): { median: number; p95: number } {
  before?.();
  fn(); // warm the code paths
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

try {
  let path = join(folder, 'bench.fieldnotes');
  if (values.workspace) {
    copyFileSync(values.workspace, path);
    console.log(`Findings bench on a copy of ${values.workspace}`);
  } else {
    const made = generateWorkspace(path, { seed: Number(values.seed), scale });
    path = made.path;
    console.log(`Findings bench, scale ${scale}: ${made.counts.passages.toLocaleString('en-GB')} passages, ${made.counts.themes} themes, ${made.findings.findings} findings (generated in ${made.seconds.toFixed(1)} s)`);
  }
  const workspace = openWorkspace(path);
  const db = workspace.db;
  const built = performance.now();
  const { passages } = analysisIndex(db);
  console.log(`  analysis index, first build after opening: ${ms(performance.now() - built)} (${passages.count.toLocaleString('en-GB')} passages)`);
  // One write the index follows: a passage's key quote, toggled; the next call re-reads that passage's note.
  const someone = passages.id[Math.floor(passages.count / 2)]!;
  let keyQuote = passages.keyQuote[Math.floor(passages.count / 2)] === 1;
  const write = () => void updatePassage(db, { id: someone, keyQuote: (keyQuote = !keyQuote) });
  const target = (heavy: boolean) => (heavy ? (scale > 1 ? 300 : 150) : scale > 1 ? 150 : 50);
  const line = (name: string, heavy: boolean, ours: () => unknown, bare: () => unknown) => {
    const warm = time(ours);
    const cold = time(ours, write);
    const b = time(bare);
    const t = target(heavy);
    const met = (p95: number) => (p95 < t ? 'met' : 'NOT met');
    console.log(`  ${name} — target p95 < ${t} ms`);
    console.log(`    warm: median ${ms(warm.median)}, p95 ${ms(warm.p95)} (${met(warm.p95)}); cold, first call after a write: median ${ms(cold.median)}, p95 ${ms(cold.p95)} (${met(cold.p95)})`);
    console.log(`    bare SQL: median ${ms(b.median)}, p95 ${ms(b.p95)}`);
  };
  const themes = listThemes(db);
  const top = themes
    .filter((t) => t.depth === 0)
    .map((t) => ({ t, n: (db.prepare(`WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT th.id FROM themes th JOIN d ON th.parent_id = d.id)
        SELECT count(DISTINCT passage_id) AS n FROM passage_themes WHERE theme_id IN d`).get(t.id) as { n: number }).n }))
    .sort((a, b) => b.n - a.n)[0]!;

  line('matrix, all themes × staff groups', true, () => matrix(db, { dimension: 'staffGroup' }), () =>
    db.prepare(`SELECT pt.theme_id, pa.staff_group, count(*), count(DISTINCT p.participant_id) FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id
      LEFT JOIN participants pa ON pa.id = p.participant_id GROUP BY pt.theme_id, pa.staff_group`).all());
  line('co-occurrence, 30 largest themes', true, () => cooccurrence(db), () =>
    db.prepare(`WITH big AS (SELECT theme_id FROM passage_themes GROUP BY theme_id ORDER BY count(*) DESC LIMIT 30)
      SELECT a.theme_id, b.theme_id, count(*) FROM passage_themes a JOIN passage_themes b ON b.passage_id = a.passage_id AND a.theme_id < b.theme_id
      WHERE a.theme_id IN big AND b.theme_id IN big GROUP BY a.theme_id, b.theme_id`).all());
  line(`theme view of the branch “${top.t.name}” (${top.n.toLocaleString('en-GB')} passages, page of 200)`, false, () => themeView(db, { themeIds: [top.t.id], limit: 200 }), () =>
    db.prepare(`WITH RECURSIVE d(id) AS (SELECT ? UNION SELECT th.id FROM themes th JOIN d ON th.parent_id = d.id)
      SELECT DISTINCT p.id FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id WHERE pt.theme_id IN d`).all(top.t.id));
  line(`search “${COMMON_WORD}” with a staff-group filter`, false, () => search(db, { query: COMMON_WORD, filters: { staffGroups: ['nurse'] }, limit: 50 }), () =>
    db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?').all(COMMON_WORD));
  line(`search “${COMMON_WORD}”, key quotes only`, false, () => search(db, { query: COMMON_WORD, filters: { keyQuotesOnly: true }, limit: 50 }), () =>
    db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?').all(COMMON_WORD));
  workspace.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
