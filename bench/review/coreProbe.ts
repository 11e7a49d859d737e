/**
 * The core's side of the review-scale bench, in a process of its own so that
 * its peak RSS is the core's work (plus Node and the TypeScript loader, shown
 * as the baseline) and not the harness's. Everything goes through
 * core.invoke, as the app's IPC and the loopback host call it; the transport
 * is not included.
 *   node --import tsx bench/review/coreProbe.ts <config.json>
 * Prints progress on stderr and one line of JSON (ProbeResult) on stdout.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createCore } from '../../src/main/core';
import { parseSearch, toFtsQuery } from '../../src/main/core/services/searchQuery';
import { APP_VERSION } from '../../src/shared/version';

export interface ProbeConfig {
  workspace: string;
  settingsFolder: string;
  warmup: number;
  runs: number;
  commonWord: string;
  rareWord: string;
  themeId: string;
  note: { id: string; revision: number };
  /** Documents of the long note, each with one more passage than the last; `warmup + runs` of them. */
  taggingDocuments: { path: string; passageId: string }[];
}

/** Timings in ms; `unavailable` holds the core's own message when a method answers UNAVAILABLE. */
export interface Measure {
  times?: number[];
  unavailable?: string;
  error?: string;
  /** What the call found (hits, counts), printed beside the times. */
  detail?: string;
}

export interface ProbeResult {
  rssAtStartMb: number;
  peakRssMb: number;
  open: Measure;
  quickCheck: Measure;
  search: { word: string; core: Measure; bare: Measure }[];
  themeView: Measure;
  tagging: Measure;
  ftsTables: string[];
}

const log = (line: string) => process.stderr.write(`  [core] ${line}\n`);
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ProbeConfig;
  const core = createCore({
    settingsFolder: config.settingsFolder,
    defaultFolder: config.settingsFolder,
    host: 'loopback',
    version: APP_VERSION,
    log: (message, detail) => log(`${message} ${detail instanceof Error ? detail.message : ''}`),
  });
  const rssAtStartMb = maxRssMb();
  const call = async (method: string, input: unknown) => {
    const result = await core.invoke(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  };
  await call('reviewer.set', { name: 'Bench Mark', initials: 'BM' });

  /**
   * Time `fn` warmup + runs times. When `fn` returns a number, that is the
   * time (it timed only part of its work); otherwise the whole call is timed.
   * UNAVAILABLE (a method not built yet) is reported, not thrown.
   */
  const measure = async (name: string, fn: (i: number) => Promise<number | void>): Promise<Measure> => {
    const times: number[] = [];
    try {
      for (let i = 0; i < config.warmup + config.runs; i++) {
        const t0 = performance.now();
        const own = await fn(i);
        const t = typeof own === 'number' ? own : performance.now() - t0;
        if (i >= config.warmup) times.push(t);
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'UNAVAILABLE') return { unavailable: (error as Error).message };
      return { error: `${code ?? 'ERROR'}: ${(error as Error).message}` };
    }
    log(`${name}: ${times.length} runs`);
    return { times };
  };

  // Opening: workspace.open runs openWorkspace (file checks, quick_check, migrations if older) and records the reviewer.
  const open = await measure('open', async () => {
    await call('workspace.close', {});
    const t0 = performance.now();
    await call('workspace.open', { path: config.workspace });
    return performance.now() - t0;
  });

  const search: ProbeResult['search'] = [];
  for (const word of [config.commonWord, config.rareWord]) {
    let total = 0;
    const core = await measure(`search ${word}`, async () => {
      total = ((await call('search.query', { query: word, limit: 50 })) as { total: number }).total;
    });
    if (core.times) core.detail = `${total} hits`;
    search.push({ word, core, bare: {} });
  }

  let viewCounts = '';
  const themeView = await measure('theme view', async () => {
    const value = (await call('themes.view', { themeIds: [config.themeId], limit: 200 })) as {
      counts: { passages: number; participants: number; engagements: number };
      passages: unknown[];
    };
    viewCounts = `${value.counts.passages} passages, ${value.counts.participants} participants, ${value.counts.engagements} engagements; ${value.passages.length} returned`;
  });
  if (themeView.times) themeView.detail = viewCounts;

  // Tagging: what one tag costs the core — the whole notes.save carrying the new mark, with createPassages.
  let revision = config.note.revision;
  const tagging = await measure('tagging', async (i) => {
    const doc = config.taggingDocuments[i]!;
    const document = readFileSync(doc.path, 'utf8');
    const t0 = performance.now();
    const saved = (await call('notes.save', {
      id: config.note.id,
      document,
      baseRevision: revision,
      createPassages: [{ id: doc.passageId, themeIds: [config.themeId] }],
    })) as { revision: number };
    const t = performance.now() - t0;
    revision = saved.revision;
    return t;
  });
  const peakRssMb = maxRssMb();
  core.close();

  // The same work bare, on the same file, once the core has let go of its exclusive lock.
  const db = new Database(config.workspace, { readonly: true });
  const quickCheck = await measure('bare quick_check', async () => {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('quick_check did not pass');
  });
  const ftsTables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%USING fts5%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  for (const s of search) {
    if (ftsTables.length === 0) {
      s.bare = { unavailable: 'no FTS5 table in this workspace' };
      continue;
    }
    // The MATCH expression search.query builds, and the FTS5 part of its work: every match with its bm25 score.
    const fts = toFtsQuery(parseSearch(s.word));
    const statements = ftsTables.map((t) => db.prepare(`SELECT rowid, bm25("${t}") AS score FROM "${t}" WHERE "${t}" MATCH ?`));
    let rows = 0;
    s.bare = await measure(`bare FTS5 ${s.word}`, async () => {
      rows = 0;
      for (const statement of statements) rows += statement.all(fts).length;
    });
    if (s.bare.times) s.bare.detail = `${rows} matching rows`;
  }
  db.close();

  const result: ProbeResult = { rssAtStartMb, peakRssMb, open, quickCheck, search, themeView, tagging, ftsTables };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
