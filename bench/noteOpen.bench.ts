/**
 * Opening the long note (issue 11), several times, with its parts: the longest note of a generated workspace
 * (50,000 words at scale 1, 200,000 at scale 4) opened from its engagement's note list in the real renderer on
 * the real core (loopback host, Debian's Chromium), after another note of the engagement, as a person switches
 * notes. Each open is timed from the click to the frame that has its marks painted (as capture.bench.ts times
 * it), and split into: the core's answer (`notes.forEditor`, or `notes.get` before it, from the call to its JSON
 * parsed in the page), the document parsed, made into Lexical nodes and their DOM (openNoteDocument's
 * `performance.measure`s), the passages' answer, and — with `--trace` — style and layout on the renderer's main
 * thread. Each open's parts are printed too: the first is the cold one capture.bench times. Asserts nothing.
 *   npx electron-vite build && npx tsx bench/noteOpen.bench.ts [--scales 1,4] [--runs 5] [--trace DIR] [--profile DIR]
 * `--css RULES` adds a style sheet to the page first, to try a layout idea (e.g. another contain-intrinsic-size)
 * before changing the app's CSS.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { benchHost } from './capture/host';
import { mainThreadTotals, recordTrace } from './trace';
import { CHROMIUM_FLAGS, chromiumPath } from '../src/main/core/export/pdf/chromiumFlags';
import { summarise } from './stats';
import { load, workspaceFor } from './workspace/cache';
import { BIG_NOTE_TITLE } from './workspace/generate';

const ROOT = resolve(__dirname, '..');

/** Installed before the app loads: each call's time from the request to its answer parsed, by method. */
const INSTRUMENT = `(() => {
  window.__answers = [];
  const fetch0 = window.fetch.bind(window);
  window.fetch = async (url, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const method = (/"method":"([^"]+)"/.exec(body) || [])[1] || '';
    const t0 = performance.now();
    const response = await fetch0(url, init);
    const json = response.json.bind(response);
    response.json = async () => {
      const value = await json();
      window.__answers.push({ method, from: t0, to: performance.now() });
      return value;
    };
    return response;
  };
})()`;

interface Open {
  total: number;
  /** From the click to the note's answer parsed. */
  get: number;
  /** JSON to objects; objects to Lexical nodes; nodes to DOM (Lexical's reconciliation and listeners). */
  parse: number;
  nodes: number;
  dom: number;
  /** From the click to the passages' answer parsed. */
  passages: number;
  /** From the DOM built to the marks painted. */
  paint: number;
  layout?: number;
  style?: number;
}

/** Style and layout (ms) on the renderer's main thread while `during` runs, from a Chromium trace. */
async function layoutTimes(page: Page, dir: string | undefined, name: string, during: () => Promise<void>): Promise<{ layout: number; style: number } | undefined> {
  if (!dir) {
    await during();
    return undefined;
  }
  const { events } = await recordTrace(page, dir, name, during, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink']);
  const totals = mainThreadTotals(events);
  return { layout: totals.get('Layout')?.ms ?? 0, style: totals.get('UpdateLayoutTree')?.ms ?? 0 };
}

async function profiled(page: Page, dir: string | undefined, name: string, during: () => Promise<void>): Promise<void> {
  if (!dir) return during();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    await during();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

function bigNote(file: string): { engagementTitle: string; passages: number; words: number } {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT e.title AS engagementTitle, n.word_count AS words, (SELECT count(*) FROM passages p WHERE p.note_id = n.id) AS passages
         FROM notes n JOIN engagements e ON e.id = n.engagement_id WHERE n.title = ? ORDER BY n.word_count DESC LIMIT 1`,
      )
      .get(BIG_NOTE_TITLE) as { engagementTitle: string; passages: number; words: number };
  } finally {
    db.close();
  }
}

async function measure(scale: number, runs: number, traceDir?: string, profileDir?: string, css?: string): Promise<{ opens: Open[]; words: number; marks: number; load: string }> {
  const source = workspaceFor(scale);
  const note = bigNote(source);
  const { data, workspace, host, call } = await benchHost(source, 'fieldnotes-open-bench');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
  const opens: Open[] = [];
  let marks = 0;
  try {
    await call('reviewer.set', { name: 'Bench Mark', initials: 'BM' });
    await call('workspace.open', { path: workspace });
    // The page's CSP allows no inline style: an experiment's sheet needs it bypassed (only then).
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: Boolean(css) });
    await page.addInitScript(INSTRUMENT);
    await page.goto(host.url);
    await page.getByRole('search', { name: 'Filter engagements' }).getByLabel('Search').fill(note.engagementTitle, { timeout: 120_000 });
    await page.getByRole('button', { name: note.engagementTitle, exact: true }).click();
    const notes = page.getByRole('navigation', { name: 'Notes' });
    const big = notes.getByRole('button', { name: new RegExp(`^${BIG_NOTE_TITLE}`) });
    const other = notes.getByRole('button').filter({ hasNotText: BIG_NOTE_TITLE }).first();
    await big.waitFor({ timeout: 60_000 });
    if (css) await page.addStyleTag({ content: css });
    const wanted = Math.max(1, Math.floor(note.passages * 0.9));
    for (let run = 0; run < runs; run++) {
      await other.click();
      await page.waitForTimeout(1500);
      await page.evaluate(`(() => {
        window.__answers.length = 0;
        performance.clearMeasures();
        window.__opened = 0;
        document.addEventListener('click', () => {
          window.__openFrom = performance.now();
          const check = () => {
            const root = document.querySelector('[contenteditable="true"]');
            const marks = root ? root.querySelectorAll('mark.passage-mark') : [];
            if (marks.length >= ${wanted}) window.__opened = performance.now() - window.__openFrom;
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }, { capture: true, once: true });
      })()`);
      const times = await layoutTimes(page, traceDir, `open-scale${scale}-run${run + 1}`, () =>
        profiled(page, run === 0 ? profileDir : undefined, `open-scale${scale}`, async () => {
          await big.click();
          for (const started = Date.now(); !(await page.evaluate('window.__opened')); ) {
            if (Date.now() - started > 180_000) throw new Error('the long note did not open with its marks painted in 3 minutes');
            await page.waitForTimeout(50);
          }
        }),
      );
      const got = (await page.evaluate(`(() => {
        const from = window.__openFrom;
        const answer = (m) => { const a = window.__answers.find((x) => x.method === m); return a ? a.to - from : NaN; };
        const measure = (n) => { const e = performance.getEntriesByName(n, 'measure').pop(); return e ? e.duration : NaN; };
        const built = performance.getEntriesByName('note: DOM', 'measure').pop();
        return {
          total: window.__opened, get: Number.isNaN(answer('notes.forEditor')) ? answer('notes.get') : answer('notes.forEditor'), passages: answer('passages.forNote'),
          parse: measure('note: parse'), nodes: measure('note: nodes'), dom: measure('note: DOM'),
          paint: built ? window.__opened - (built.startTime + built.duration - from) : NaN,
        };
      })()`)) as Open;
      opens.push({ ...got, ...times });
      marks = (await page.evaluate(`document.querySelectorAll('[contenteditable="true"] mark').length`)) as number;
      console.log(
        `  scale ${scale}, open ${run + 1}: ${line(got.total)} — note's answer ${line(got.get)}, passages' ${line(got.passages)}, nodes ${line(got.nodes)}, DOM ${line(got.dom)} (${load()})`,
      );
    }
  } finally {
    await browser.close();
    await host.stop();
    rmSync(data, { recursive: true, force: true });
  }
  return { opens, words: note.words, marks, load: load() };
}

const line = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(0)} ms`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scales: { type: 'string', default: '1,4' }, runs: { type: 'string', default: '5' }, trace: { type: 'string' }, profile: { type: 'string' }, css: { type: 'string' } },
  });
  console.log(`\nOpening the long note (issue 11) — ${load()}${values.css ? ` — with --css ${values.css}` : ''}`);
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    console.log('  not measured: build the renderer first (npx electron-vite build)');
    return;
  }
  for (const scale of values.scales.split(',').map(Number)) {
    const { opens, words, marks, load: after } = await measure(scale, Number(values.runs), values.trace, values.profile, values.css);
    const med = (f: (o: Open) => number | undefined) => line(summarise(opens.map(f).filter((x): x is number => x !== undefined && !Number.isNaN(x))).median);
    console.log(`  scale ${scale}: ${words.toLocaleString('en-GB')} words, ${marks.toLocaleString('en-GB')} marks; medians of ${opens.length} opens (target < 1,000 ms):`);
    console.log(`    click → marks painted ${med((o) => o.total)}  (runs: ${opens.map((o) => line(o.total)).join(', ')})`);
    console.log(`    click → note's answer parsed ${med((o) => o.get)}; JSON parsed ${med((o) => o.parse)}; nodes ${med((o) => o.nodes)}; DOM ${med((o) => o.dom)}`);
    console.log(`    click → passages' answer ${med((o) => o.passages)}; DOM built → marks painted ${med((o) => o.paint)}`);
    if (values.trace) console.log(`    style ${med((o) => o.style)}, layout ${med((o) => o.layout)} (renderer main thread, whole open)`);
    console.log(`    ${after}`);
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
