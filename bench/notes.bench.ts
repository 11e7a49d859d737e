/**
 * Typing and saving in a 30,000-word note (issue 3). Prints figures; asserts nothing.
 *   npm run bench   (builds the renderer first)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { blocksToDocument } from '../src/shared/note/blocksToDocument';
import { documentText } from '../src/shared/note/text';
import { startHost } from '../e2e/support/host';
import { generateNote } from './corpus';
import { ms, summarise } from './stats';
import { CHROMIUM_FLAGS, chromiumPath } from '../src/main/core/export/pdf/chromiumFlags';

const WORDS = 30_000;

/**
 * Code run inside the page, as source text: the bench is compiled for Node,
 * without the DOM's types. The contenteditable carries its Lexical editor.
 */
const IN_PAGE = {
  instrument: `(() => {
    const root = document.querySelector('[contenteditable="true"]');
    window.samples = { update: [], frame: [] };
    window.t0 = 0;
    root.addEventListener('keydown', () => (window.t0 = performance.now()), { capture: true });
    root.__lexicalEditor.registerUpdateListener(() => {
      if (!window.t0) return;
      const t0 = window.t0;
      window.t0 = 0;
      window.samples.update.push(performance.now() - t0);
      requestAnimationFrame(() => window.samples.frame.push(performance.now() - t0));
    });
  })()`,
  samples: 'window.samples',
  serialize: `(() => {
    const editor = document.querySelector('[contenteditable="true"]').__lexicalEditor;
    const times = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      JSON.stringify(editor.getEditorState().toJSON());
      times.push(performance.now() - t0);
    }
    return times;
  })()`,
};

async function rpc(origin: string, token: string, method: string, input: unknown) {
  const response = await fetch(`${origin}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldnotes-token': token },
    body: JSON.stringify({ method, input }),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as Record<string, unknown>;
}

async function main() {
  const document = blocksToDocument(generateNote(WORDS));
  console.log(`note: ${documentText(document).wordCount.toLocaleString('en-GB')} words, ${(document.length / 1024).toFixed(0)} KiB serialized`);

  const host = await startHost(mkdtempSync(join(tmpdir(), 'fieldnotes-bench-')));
  const token = new URL(host.url).searchParams.get('token')!;
  const call = (method: string, input: unknown) => rpc(host.origin, token, method, input);
  await call('reviewer.set', { name: 'Bench Mark', initials: 'BM' });
  await call('workspace.create', { name: 'Bench', path: join(host.workspaces, 'bench.fieldnotes') });
  const engagement = await call('engagements.create', { title: 'Long visit', type: 'site_visit', date: '2018-07-01' });
  const note = await call('notes.create', { engagementId: engagement.id });

  // Save time: the whole 30,000-word document through the real transport and core, 40 times.
  const saveTimes: number[] = [];
  let revision = note.revision as number;
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    const saved = await call('notes.save', { id: note.id, document, baseRevision: revision });
    saveTimes.push(performance.now() - t0);
    revision = saved.revision as number;
  }

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Long visit', exact: true }).click();
  const editor = page.getByRole('textbox', { name: /Long visit/ });
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+End');

  // Typing latency: keydown → Lexical has updated the DOM (the work a keystroke costs), and → the next frame.
  await page.evaluate(IN_PAGE.instrument);
  const text = 'the panel heard that radiographers need structured training before triage ';
  for (let i = 0; i < 4; i++) await page.keyboard.type(text, { delay: 35 });
  await page.waitForTimeout(1500); // let the last autosave finish
  const samples = (await page.evaluate(IN_PAGE.samples)) as { update: number[]; frame: number[] };

  // What each autosave costs the renderer before the call: serializing the editor state.
  const serializeTimes = (await page.evaluate(IN_PAGE.serialize)) as number[];

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1024 / 1024;

  const save = summarise(saveTimes);
  const update = summarise(samples.update);
  const frame = summarise(samples.frame);
  console.log(`save, 30k-word note, renderer→core round trip: median ${ms(save.median)}, p95 ${ms(save.p95)} (n=${save.n}; target < 20 ms)`);
  const serialize = summarise(serializeTimes);
  console.log(`save, serializing the editor state in the renderer: median ${ms(serialize.median)}, p95 ${ms(serialize.p95)} (n=${serialize.n})`);
  console.log(`typing, keydown → DOM updated: median ${ms(update.median)}, p95 ${ms(update.p95)} (n=${update.n}; target p95 < 16 ms)`);
  console.log(`typing, keydown → next frame: median ${ms(frame.median)}, p95 ${ms(frame.p95)} (n=${frame.n})`);
  console.log(`renderer JS heap with the note open: ${heap.toFixed(1)} MB (target < 150 MB)`);

  await browser.close();
  await host.stop();
  rmSync(host.data, { recursive: true, force: true });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
