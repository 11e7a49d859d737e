/**
 * Editing at four times review scale (issue 11): the longest note of a scale-1 and a scale-4 workspace
 * (50,000 and 200,000 words, ~1,000 and ~4,000 passages), opened, typed in and autosaved in the real
 * renderer on the real core (loopback host, Debian's Chromium); the engagement list drawn with all 400 or
 * 1,600 engagements (time, rows and elements in the page) and React commits on every area left idle
 * (capture/pages.ts). Prints each figure at both scales beside its target, with `uptime`; asserts nothing.
 *   npm run bench          (builds the renderer first)
 *   npx tsx bench/capture.bench.ts [--scales 1,4] [--chars 240] [--inside] [--profile .tmp/profiles]
 * `--inside` types inside a passage's text (each save retypes it) rather than just after it.
 * `--trace DIR` writes Chromium traces of both and prints where the main thread went (bench/trace.ts).
 * `--profile DIR` also writes Chromium CPU profiles of opening the note and of typing (open them in
 * DevTools' Performance panel, or `npx tsx bench/profileSummary.ts FILE` for the top functions).
 *
 * Generated workspaces are kept in .tmp/bench/ (bench/workspace/cache.ts); delete them there after
 * changing the generator.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { benchHost } from './capture/host';
import { commitsWhileIdle, idleOnEveryArea, measureList, type ListFigures } from './capture/pages';
import { summarise } from './stats';
import { traced } from './trace';
import { load, workspaceFor } from './workspace/cache';
import { BIG_NOTE_TITLE } from './workspace/generate';
import { CHROMIUM_FLAGS, chromiumPath } from '../src/main/core/export/pdf/chromiumFlags';

const ROOT = resolve(__dirname, '..');

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(n < 10 ? 1 : 0)} ms`);

interface BigNote {
  id: string;
  words: number;
  passages: number;
  engagementTitle: string;
  engagements: number;
}

function readBigNote(file: string): BigNote {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT n.id, n.word_count AS words, e.title AS engagementTitle,
           (SELECT count(*) FROM passages p WHERE p.note_id = n.id) AS passages,
           (SELECT count(*) FROM engagements) AS engagements
         FROM notes n JOIN engagements e ON e.id = n.engagement_id WHERE n.title = ? ORDER BY n.word_count DESC LIMIT 1`,
      )
      .get(BIG_NOTE_TITLE) as BigNote;
    return row;
  } finally {
    db.close();
  }
}

/**
 * Installed before the app loads: React commits (the DevTools hook), long tasks, and every notes.save
 * through the loopback transport's fetch — from the call to its answer parsed, the request's size, and
 * from the answer to the next frame (the marks it changed repainted). Also from the call to the answer's last
 * byte received (Resource Timing, taken off the main thread): the core's and the wire's share, the rest is the
 * renderer's main thread (busy with a frame or a key when the answer came).
 */
const INSTRUMENT = `(() => {
  let nextId = 1;
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false, supportsFiber: true, renderers: new Map(),
    inject(renderer) { const id = nextId++; this.renderers.set(id, renderer); return id; },
    onScheduleFiberRoot() {}, onCommitFiberRoot() { window.__commits++; }, onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {}, checkDCE() {},
  };
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  window.__saves = [];
  performance.setResourceTimingBufferSize(100000);
  window.__calls = [];
  const fetch0 = window.fetch.bind(window);
  window.fetch = async (url, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const method = (/"method":"([^"]+)"/.exec(body) || [])[1] || '';
    window.__calls.push(method);
    const t0 = performance.now();
    window.__inFlight = (window.__inFlight || 0) + 1;
    let response;
    try {
      response = await fetch0(url, init);
    } finally {
      window.__inFlight--;
    }
    if (method !== 'notes.save') return response;
    const json = response.json.bind(response);
    response.json = async () => {
      const value = await json();
      const answered = performance.now();
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/rpc') && e.startTime >= t0 - 0.5);
      const save = { roundTrip: answered - t0, bytes: body.length, repaint: NaN, changed: value?.value?.changedPassages?.length ?? 0,
        received: entry ? entry.responseEnd - t0 : NaN };
      window.__saves.push(save);
      setTimeout(() => requestAnimationFrame(() => (save.repaint = performance.now() - answered)));
      return value;
    };
    return response;
  };
})()`;

/**
 * keydown → Lexical has updated the DOM, per keystroke (as bench/notes.bench.ts measures it); and keydown → the
 * next frame's work done (a task queued from that frame's requestAnimationFrame runs after its style, layout and
 * paint), which also counts what Chromium does with the change after Lexical's update.
 */
const TYPING = `(() => {
  const root = document.querySelector('[contenteditable="true"]');
  window.__typing = [];
  window.__frames = [];
  window.__t0 = 0;
  const after = new MessageChannel();
  const pending = [];
  after.port1.onmessage = () => window.__frames.push(performance.now() - pending.shift());
  root.addEventListener('keydown', () => {
    const t0 = (window.__t0 = performance.now());
    requestAnimationFrame(() => { pending.push(t0); after.port2.postMessage(0); });
  }, { capture: true });
  root.__lexicalEditor.registerUpdateListener(() => {
    if (!window.__t0) return;
    window.__typing.push(performance.now() - window.__t0);
    window.__t0 = 0;
  });
  window.__typingFrom = performance.now();
})()`;

/**
 * Put the caret at the end of a mark's text in the middle of the note: typing there (after the mark, as Lexical
 * places it) moves half the passages. With `inside`, in the middle of the mark's text: typing retypes that passage too.
 */
const caretInTheMiddle = (inside: boolean) => `(() => {
  const root = document.querySelector('[contenteditable="true"]');
  const marks = root.querySelectorAll('mark');
  const mark = marks[Math.floor(marks.length / 2)];
  const text = mark.lastChild && mark.lastChild.nodeType === 3 ? mark.lastChild : mark.querySelector('span')?.firstChild;
  const range = document.createRange();
  range.setStart(text, ${inside ? 'Math.floor(text.textContent.length / 2)' : 'text.textContent.length'});
  range.collapse(true);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  mark.scrollIntoView({ block: 'center' });
})()`;

interface Figures {
  scale: number;
  note: BigNote;
  listShown?: number;
  list?: ListFigures;
  idleAreas?: { area: string; commits: number }[];
  open?: number;
  marks?: number;
  idleNote?: number;
  typingP95?: number;
  typingMedian?: number;
  frameP95?: number;
  frameMedian?: number;
  longTasks?: number;
  longestTask?: number;
  saveP95?: number;
  saveMedian?: number;
  receivedP95?: number;
  receivedMedian?: number;
  saves?: number;
  saveBytes?: number;
  repaintP95?: number;
  commitsWhileTyping?: number;
  loneSave?: number;
  loneRepaint?: number;
  changedPerSave?: number;
  methodsWhileTyping?: string;
  load: string;
}

/** A CPU profile of what `during` makes the page do, written to `dir/name.cpuprofile` (no-op without a dir). */
async function profiled<T>(page: Page, dir: string | undefined, name: string, during: () => Promise<T>): Promise<T> {
  if (!dir) return during();
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await during();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

async function measure(scale: number, chars: number, inside: boolean, profileDir?: string, traceDir?: string): Promise<Figures> {
  const source = workspaceFor(scale);
  const note = readBigNote(source);
  const { data, workspace, host, call } = await benchHost(source, 'fieldnotes-capture-bench');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
  const figures: Figures = { scale, note, load: load() };
  try {
    await call('reviewer.set', { name: 'Bench Mark', initials: 'BM' });
    await call('workspace.open', { path: workspace });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(INSTRUMENT);
    const t0 = Date.now();
    await page.goto(host.url);
    // The engagement list, as the workspace opens on it; then drawn afresh; then every area left idle.
    await page.locator('.engagement-table tbody tr[aria-rowindex]').first().waitFor({ timeout: 120_000 });
    figures.listShown = Date.now() - t0;
    figures.list = await measureList(page);
    figures.idleAreas = await idleOnEveryArea(page);
    await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: 'Engagements', exact: true }).click();

    // The long note's engagement, found as a person would: its title in the list's search.
    await page.getByRole('search', { name: 'Filter engagements' }).getByLabel('Search').fill(note.engagementTitle);
    await page.getByRole('button', { name: note.engagementTitle, exact: true }).click();
    const noteButton = page.getByRole('navigation', { name: 'Notes' }).getByRole('button', { name: new RegExp(`^${BIG_NOTE_TITLE}`) });
    await noteButton.waitFor({ timeout: 60_000 });
    // Let whichever note opened first settle, then open the long one and wait for its marks to be painted.
    await page.waitForTimeout(1000);
    await page.evaluate('window.__openFrom = performance.now()');
    // Checked every frame in the page (a string, as the page's CSP forbids eval of a function source).
    await page.evaluate(`(() => {
      const check = () => {
        const root = document.querySelector('[contenteditable="true"]');
        const marks = root ? root.querySelectorAll('mark') : [];
        let painted = marks.length >= ${Math.max(1, Math.floor(note.passages * 0.9))};
        if (painted) for (const m of marks) if (!m.classList.contains('passage-mark')) { painted = false; break; }
        if (painted) window.__opened = performance.now() - window.__openFrom;
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })()`);
    await profiled(page, profileDir, `open-scale${scale}`, () => traced(page, traceDir, `open-scale${scale}`, async () => {
      await noteButton.click();
      for (const started = Date.now(); !(await page.evaluate('window.__opened')); ) {
        if (Date.now() - started > 180_000) throw new Error('the long note did not open with its marks painted in 3 minutes');
        await page.waitForTimeout(100);
      }
    }));
    figures.open = (await page.evaluate('window.__opened')) as number;
    figures.marks = (await page.evaluate(`document.querySelectorAll('[contenteditable="true"] mark').length`)) as number;
    await page.waitForTimeout(1500);
    figures.idleNote = await commitsWhileIdle(page, 2000);

    // Typing in the middle of the note, autosave running as it does for a person.
    await page.evaluate(caretInTheMiddle(inside));
    await page.locator('[contenteditable="true"]').focus();
    await page.evaluate(caretInTheMiddle(inside));
    await page.waitForTimeout(300);
    await page.evaluate('window.__saves.length = 0; window.__calls.length = 0; window.__commitsBefore = window.__commits');
    await page.evaluate(TYPING);
    const sentence = ' and the radiographers asked for protected time to learn the triage software';
    let typed = '';
    while (typed.length < chars) typed += sentence;
    await profiled(page, profileDir, `typing-scale${scale}`, () => traced(page, traceDir, `typing-scale${scale}`, async () => {
      await page.keyboard.type(typed.slice(0, chars), { delay: 40 });
      await page.waitForTimeout(2500); // the last autosave
    }));
    const typing = (await page.evaluate('window.__typing')) as number[];
    const frames = summarise((await page.evaluate('window.__frames')) as number[]);
    figures.frameP95 = frames.p95;
    figures.frameMedian = frames.median;
    const from = (await page.evaluate('window.__typingFrom')) as number;
    const tasks = ((await page.evaluate('window.__longTasks')) as [number, number][]).filter(([start]) => start >= from);
    const saves = (await page.evaluate('window.__saves')) as { roundTrip: number; bytes: number; repaint: number; changed: number; received: number }[];
    const calls = (await page.evaluate('window.__calls')) as string[];
    figures.changedPerSave = saves.reduce((m, x) => Math.max(m, x.changed), 0);
    figures.commitsWhileTyping = (await page.evaluate('window.__commits - window.__commitsBefore')) as number;
    const t = summarise(typing);
    figures.typingP95 = t.p95;
    figures.typingMedian = t.median;
    figures.longTasks = tasks.filter(([, d]) => d > 50).length;
    figures.longestTask = tasks.reduce((m, [, d]) => Math.max(m, d), 0);
    const s = summarise(saves.map((x) => x.roundTrip));
    figures.saveP95 = s.p95;
    figures.saveMedian = s.median;
    const received = summarise(saves.map((x) => x.received).filter((x) => !Number.isNaN(x)));
    figures.receivedP95 = received.p95;
    figures.receivedMedian = received.median;
    figures.saves = s.n;
    figures.saveBytes = saves.length ? Math.round(saves.reduce((a, x) => a + x.bytes, 0) / saves.length) : undefined;
    figures.repaintP95 = summarise(saves.map((x) => x.repaint).filter((x) => !Number.isNaN(x))).p95;
    const counted = new Map<string, number>();
    for (const c of calls) counted.set(c, (counted.get(c) ?? 0) + 1);
    figures.methodsWhileTyping = [...counted].map(([m, n]) => `${m} ×${n}`).join(', ');
    // One key and its save with the page otherwise still: the save's own cost, apart from typing's.
    const lone: { roundTrip: number; repaint: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate('window.__saves.length = 0');
      await page.keyboard.type('s');
      await page.waitForTimeout(1500);
      const [save] = (await page.evaluate('window.__saves')) as { roundTrip: number; repaint: number }[];
      if (save) lone.push(save);
    }
    figures.loneSave = lone.length ? summarise(lone.map((x) => x.roundTrip)).median : undefined;
    figures.loneRepaint = lone.length ? summarise(lone.map((x) => x.repaint)).median : undefined;
    figures.load = load();
  } finally {
    await browser.close();
    await host.stop();
    rmSync(data, { recursive: true, force: true });
  }
  return figures;
}

/** "0" when every area was still; else the most and where. */
function idleSummary(counted: Figures['idleAreas']): string {
  if (!counted?.length) return '—';
  const most = counted.reduce((a, b) => (b.commits > a.commits ? b : a));
  return most.commits === 0 ? `0 (${counted.length} areas)` : `${most.commits} (${most.area})`;
}

function table(all: Figures[]): void {
  const col = (f: (x: Figures) => string) => all.map((x) => f(x).padEnd(26)).join('');
  const row = (what: string, target: string, f: (x: Figures) => string) =>
    console.log(`${what.padEnd(52)}${col(f)}target ${target}`);
  console.log(`${''.padEnd(52)}${col((x) => `scale ${x.scale}`)}`);
  row('the long note', '', (x) => `${x.note.words.toLocaleString('en-GB')} words, ${x.note.passages.toLocaleString('en-GB')} p.`);
  row('typing keydown → DOM, p95 (median)', 'p95 < 16 ms', (x) => `${ms(x.typingP95)} (${ms(x.typingMedian)})`);
  row('  keydown → next frame done, p95 (median)', '', (x) => `${ms(x.frameP95)} (${ms(x.frameMedian)})`);
  row('long tasks > 50 ms while typing (longest)', 'none', (x) => `${x.longTasks} (${ms(x.longestTask)})`);
  row('autosave round trip, p95 (median, n)', 'p95 < 50 ms', (x) => `${ms(x.saveP95)} (${ms(x.saveMedian)}, ${x.saves})`);
  row('  of which until its answer arrived (core, wire)', 'p95 (median)', (x) => `${ms(x.receivedP95)} (${ms(x.receivedMedian)})`);
  row('passages in a save’s answer (most)', 'what changed', (x) => String(x.changedPerSave ?? '—'));
  row('autosave request size', 'not the whole note', (x) => (x.saveBytes === undefined ? '—' : `${(x.saveBytes / 1024).toFixed(0)} KiB`));
  row('save answer → marks repainted (next frame), p95', 'not quadratic', (x) => ms(x.repaintP95));
  row('one key saved alone: round trip, repaint (median)', '5 keys, 1.5 s apart', (x) => `${ms(x.loneSave)}, ${ms(x.loneRepaint)}`);
  // Each commit with the caret in the note walks its whole DOM (react-dom saves and restores the selection).
  row('React commits while typing (and the last save)', 'a few', (x) => String(x.commitsWhileTyping ?? '—'));
  row('open the note, marks painted', '< 1,000 ms', (x) => `${ms(x.open)} (${x.marks} marks)`);
  row('engagement list shown after load', '', (x) => ms(x.listShown));
  row('engagement list drawn afresh (click → rows painted)', '', (x) => (x.list ? ms(x.list.render) : '—'));
  row('  rows in the page / engagements', 'a window', (x) => (x.list ? `${x.list.rowsInDom} / ${x.list.rows.toLocaleString('en-GB')}` : '—'));
  row('  elements in the table (in the page)', 'not growing with rows', (x) =>
    x.list ? `${x.list.tableNodes.toLocaleString('en-GB')} (${x.list.pageNodes.toLocaleString('en-GB')})` : '—',
  );
  row('React commits in 2 s idle, every area (most)', '0', (x) => idleSummary(x.idleAreas));
  row('React commits in 2 s idle: the long note open', '0', (x) => String(x.idleNote));
  row('machine', '', (x) => x.load);
  for (const x of all) {
    console.log(`  scale ${x.scale}, idle commits by area: ${x.idleAreas?.map((a) => `${a.area} ${a.commits}`).join(', ') ?? '—'}`);
    console.log(`  scale ${x.scale}, calls while typing: ${x.methodsWhileTyping}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scales: { type: 'string', default: '1,4' }, chars: { type: 'string', default: '240' }, profile: { type: 'string' }, trace: { type: 'string' }, inside: { type: 'boolean', default: false } },
  });
  console.log(`\nEditing at four times review scale (issue 11) — ${uptime()}`);
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    console.log('  not measured: build the renderer first (npm run build)');
    return;
  }
  const all: Figures[] = [];
  for (const scale of values.scales.split(',').map(Number)) {
    try {
      all.push(await measure(scale, Number(values.chars), values.inside, values.profile, values.trace));
    } catch (error) {
      console.log(`  scale ${scale}: not measured — ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (all.length) table(all);
  console.log(`  at the end: ${uptime()}`);
}

/** `uptime`'s line (the load beside every figure: a shared machine inflates them). */
const uptime = (): string => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return load();
  }
};

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
