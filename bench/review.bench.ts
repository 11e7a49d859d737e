/**
 * Review scale, measured (issue 4). Prints figures beside their targets; asserts nothing.
 *   npm run bench                       (builds the renderer, runs the typing bench, then this)
 *   npx tsx bench/review.bench.ts [workspace.fieldnotes] [--runs N] [--seed N] [--scale S] [--keep]
 *
 * Without a file it generates a review-scale workspace (bench/workspace/generate.ts) in a temporary
 * folder; with one it works on a copy, so the file given is never changed. The core's figures come
 * from a child process (bench/review/coreProbe.ts) so its peak RSS is the core's own; the renderer's
 * heap from the loopback host in Chromium.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { startHost } from '../e2e/support/host';
import { documentAnchors } from '../src/shared/note/anchors';
import { createNoteEditor, serialize, tagRange } from '../src/shared/note/editing';
import type { Measure, ProbeConfig, ProbeResult } from './review/coreProbe';
import { ms, summarise } from './stats';
import { BENCH_ROOT, runProbe, withBenchWorkspace } from './harness';
import { Random } from './workspace/random';
import { COMMON_WORD, RARE_WORD } from './workspace/vocabulary';
import { CHROMIUM_FLAGS, chromiumPath } from '../src/main/core/export/pdf/chromiumFlags';
import { documentFromFrame } from '../src/shared/note/blocks';
import { joinedBlocks } from '../src/main/core/store/noteBlocks';

const ROOT = BENCH_ROOT;
const TARGET_MS = 50;
const TARGET_RSS_MB = 500;
const TARGET_HEAP_MB = 300;

const fmt = (n: number) => n.toLocaleString('en-GB');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** "median X ms, p95 Y ms (n=N)", or why there is no figure. */
function figure(m: Measure): { text: string; p95?: number } {
  if (m.unavailable) return { text: `not available yet (${m.unavailable})` };
  if (m.error) return { text: `failed: ${m.error}` };
  const s = summarise(m.times ?? []);
  return { text: `median ${ms(s.median)}, p95 ${ms(s.p95)} (n=${s.n}${m.detail ? `; ${m.detail}` : ''})`, p95: s.p95 };
}

function withTarget(m: Measure, target: number, what = 'p95'): string {
  const f = figure(m);
  return f.p95 === undefined ? f.text : `${f.text} — target ${what} < ${target} ms: ${verdict(f.p95 < target)}`;
}

interface Facts {
  engagements: number;
  participants: number;
  notes: number;
  words: number;
  themes: number;
  passages: number;
  note: { id: string; document: string; revision: number; words: number; passages: number };
  theme: { id: string; name: string; passages: number };
}

/** What the bench needs to know about the workspace, read before the core holds it. */
function readFacts(path: string): Facts {
  const db = new Database(path, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const row = db
      .prepare(
        `SELECT id, document AS frame, revision, word_count AS words, (SELECT count(*) FROM passages p WHERE p.note_id = notes.id) AS passages
         FROM notes ORDER BY word_count DESC LIMIT 1`,
      )
      .get() as Omit<Facts['note'], 'document'> & { frame: string };
    const { frame, ...rest } = row;
    const note: Facts['note'] = { ...rest, document: documentFromFrame(frame, joinedBlocks(db, row.id)) };
    const theme = db
      .prepare(
        `SELECT t.id, t.name, count(*) AS passages FROM passage_themes pt JOIN themes t ON t.id = pt.theme_id
         GROUP BY t.id ORDER BY passages DESC LIMIT 1`,
      )
      .get() as Facts['theme'];
    return {
      engagements: n('SELECT count(*) AS n FROM engagements'),
      participants: n('SELECT count(*) AS n FROM participants'),
      notes: n('SELECT count(*) AS n FROM notes'),
      words: n('SELECT coalesce(sum(word_count), 0) AS n FROM notes'),
      themes: n('SELECT count(*) AS n FROM themes'),
      passages: n('SELECT count(*) AS n FROM passages'),
      note,
      theme,
    };
  } finally {
    db.close();
  }
}

/**
 * The long note as the editor would send it after each of `count` tags: the
 * headless editor puts one more mark in it each time (as a reviewer tagging
 * one passage after another), spread through the note. Prepared here, outside
 * the core's process and clock.
 */
function taggingDocuments(document: string, count: number, folder: string): ProbeConfig['taggingDocuments'] {
  const random = new Random(42);
  const blocks = documentAnchors(document).blocks.filter((b) => b.end - b.start > 120);
  const editor = createNoteEditor(document);
  const out: ProbeConfig['taggingDocuments'] = [];
  for (let i = 0; i < count; i++) {
    const block = blocks[Math.floor(((i + 0.5) * blocks.length) / count)]!;
    const start = block.start + 10 + random.int(0, 20);
    const passageId = random.uuid();
    if (!tagRange(editor, start, start + 80, passageId)) throw new Error(`could not tag ${start}–${start + 80}`);
    const path = join(folder, `tagged-${i}.json`);
    writeFileSync(path, serialize(editor));
    out.push({ path, passageId });
  }
  return out;
}

function probeCore(config: ProbeConfig, folder: string): Promise<ProbeResult> {
  const configPath = join(folder, 'probe.json');
  writeFileSync(configPath, JSON.stringify(config));
  return runProbe<ProbeResult>('bench/review/coreProbe.ts', [configPath]);
}

async function rpc(origin: string, token: string, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(`${origin}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldnotes-token': token },
    body: JSON.stringify({ method, input }),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024;
}

/**
 * The renderer with the largest theme's view open, on the loopback host (real renderer, real core,
 * HTTP in place of IPC). The Analysis area is driven by what a person sees: its sidebar button, then
 * the theme's name. Returns lines to print.
 */
async function rendererHeap(file: string, facts: Facts): Promise<string[]> {
  const { theme } = facts;
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) return ['renderer: not measured (build the renderer first: npm run build)'];
  const data = mkdtempSync(join(tmpdir(), 'fieldnotes-review-bench-host-'));
  const workspace = join(data, 'workspaces', 'review.fieldnotes');
  mkdirSync(join(data, 'workspaces'), { recursive: true });
  copyFileSync(file, workspace);
  const host = await startHost(data);
  const token = new URL(host.url).searchParams.get('token')!;
  const lines: string[] = [];
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
  try {
    await rpc(host.origin, token, 'reviewer.set', { name: 'Bench Mark', initials: 'BM' });
    const opened = await rpc(host.origin, token, 'workspace.open', { path: workspace });
    if (!opened.ok) throw new Error(`workspace.open: ${opened.error?.message}`);
    const view = await rpc(host.origin, token, 'themes.view', { themeIds: [theme.id], limit: 200 });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const sidebar = page.getByRole('navigation', { name: 'Workspace areas' });
    await sidebar.waitFor({ timeout: 60_000 });
    lines.push(`renderer JS heap with the workspace open (its list of ${fmt(facts.engagements)} engagements): ${(await jsHeapMb(page)).toFixed(1)} MB`);

    await sidebar.getByRole('button', { name: /Analysis/ }).click();
    await page.waitForTimeout(500);
    const label = `renderer JS heap with the largest theme's view open ("${theme.name}")`;
    if (await page.getByText(/Not built yet/).isVisible()) {
      lines.push(`${label}: not available yet (the Analysis area is not built)`);
    } else if (!view.ok) {
      lines.push(`${label}: not available yet (themes.view: ${view.error?.message})`);
    } else if (!(await chooseTheme(page, theme.name))) {
      lines.push(`${label}: not measured — could not find the theme "${theme.name}" to choose in the Analysis area (bench/review.bench.ts chooseTheme needs updating)`);
    } else {
      const first = (view.value as { passages: { quotedText: string }[] }).passages[0];
      const sample = first?.quotedText.split('\n')[0]!.slice(0, 40);
      const shown = sample
        ? await page
            .getByText(sample)
            .first()
            .waitFor({ timeout: 30_000 })
            .then(() => true, () => false)
        : false;
      const heap = await jsHeapMb(page);
      lines.push(
        `${label}: ${heap.toFixed(1)} MB — target < ${TARGET_HEAP_MB} MB: ${verdict(heap < TARGET_HEAP_MB)}` +
          (shown ? '' : ' (its first passage was not seen on screen; check the view opened)'),
      );
    }
  } finally {
    await browser.close();
    await host.stop();
    rmSync(data, { recursive: true, force: true });
  }
  return lines;
}

/** Choose a theme in the Analysis area the way a person would: click its name, or type it into a theme field. */
async function chooseTheme(page: Page, name: string): Promise<boolean> {
  const main = page.getByRole('main');
  // The theme view's own picker first: type the name, choose the suggestion.
  const picker = main.getByRole('combobox', { name: 'Themes' });
  if (await picker.isVisible().catch(() => false)) {
    await picker.fill(name);
    await page.keyboard.press('Enter');
    return true;
  }
  for (const role of ['option', 'treeitem', 'checkbox', 'radio', 'button', 'link'] as const) {
    const target = main.getByRole(role, { name, exact: true }).first();
    if (await target.isVisible().catch(() => false)) {
      await target.click();
      return true;
    }
  }
  const field = main.getByRole('combobox', { name: /theme/i }).or(main.getByLabel(/theme/i)).first();
  if (await field.isVisible().catch(() => false)) {
    await field.fill(name);
    // Its suggestion may carry more than the name (a count, a path): match the start.
    const option = page.getByRole('option', { name: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
    if (await option.waitFor({ timeout: 2000 }).then(() => true, () => false)) await option.click();
    else await page.keyboard.press('Enter');
    return true;
  }
  const text = main.getByText(name, { exact: true }).first();
  if (await text.isVisible().catch(() => false)) {
    await text.click();
    return true;
  }
  return false;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const warmup = 3;
  console.log('\nReview scale (issue 4)');
  await withBenchWorkspace('review', { given: positionals[0], seed: Number(values.seed), scale: Number(values.scale), keep: values.keep }, async (file, folder) => {
    const facts = readFacts(file);
    console.log(
      `  ${mb(statSync(file).size)}: ${fmt(facts.engagements)} engagements, ${fmt(facts.participants)} participants, ` +
        `${fmt(facts.notes)} notes, ${fmt(facts.words)} words, ${fmt(facts.themes)} themes, ${fmt(facts.passages)} passages`,
    );

    const t0 = performance.now();
    const documents = taggingDocuments(facts.note.document, warmup + runs, folder);
    console.log(`  (prepared ${documents.length} tagged versions of the longest note in ${((performance.now() - t0) / 1000).toFixed(1)} s, outside the measurements)`);

    const result = await probeCore(
      {
        workspace: file,
        settingsFolder: join(folder, 'settings'),
        warmup,
        runs,
        commonWord: COMMON_WORD,
        rareWord: RARE_WORD,
        themeId: facts.theme.id,
        note: { id: facts.note.id, revision: facts.note.revision },
        taggingDocuments: documents,
      },
      folder,
    );

    console.log(`open the workspace (workspace.open: file checks, quick_check, hold): ${figure(result.open).text}`);
    console.log(`  bare PRAGMA quick_check on the same file: ${figure(result.quickCheck).text}`);
    for (const s of result.search) {
      console.log(`search "${s.word}" (search.query, limit 50): ${withTarget(s.core, TARGET_MS)}`);
      const bare = s.bare.unavailable
        ? `skipped: ${s.bare.unavailable} (migration 0007 has not added full-text search yet)`
        : figure(s.bare).text;
      console.log(`  the same FTS5 MATCH run bare (every match with its bm25 score${result.ftsTables.length ? `, ${result.ftsTables.join(' and ')}` : ''}; no joins, filters or snippets): ${bare}`);
    }
    console.log(
      `theme view, largest theme "${facts.theme.name}" (${fmt(facts.theme.passages)} passages tagged with it; themes.view with its sub-themes, limit 200): ${withTarget(result.themeView, TARGET_MS)}`,
    );
    console.log(
      `tagging a passage in the ${fmt(facts.note.words)}-word note (${fmt(facts.note.passages)} passages; the whole notes.save with createPassages): ` +
        withTarget(result.tagging, TARGET_MS, 'p95'),
    );
    console.log(
      `core peak RSS (its own process, all of the above): ${result.peakRssMb.toFixed(0)} MB — target < ${TARGET_RSS_MB} MB: ${verdict(result.peakRssMb < TARGET_RSS_MB)}` +
        ` (Node, the TypeScript loader and an idle core alone: ${result.rssAtStartMb.toFixed(0)} MB)`,
    );
    for (const line of await rendererHeap(file, facts)) console.log(line);
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
