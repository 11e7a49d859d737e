/**
 * A Chromium trace (CDP Tracing) of what `during` makes a page do, summarised by event on the renderer's
 * main thread: where the time goes that a CPU profile calls "(program)" — style, layout, paint, hit tests,
 * editing — beside the script. Written to `dir/name.json` (open it in DevTools' Performance panel).
 *   npx tsx bench/capture.bench.ts --scales 4 --trace .tmp/traces
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute', 'toplevel'];

/** Runs `during` under a Chromium trace of `categories`, written to `dir/name.json`; its result and the trace's events. */
export async function recordTrace<T>(page: Page, dir: string, name: string, during: () => Promise<T>, categories = CATEGORIES): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  try {
    return { result: await during(), events };
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
  }
}

/** Complete events on the renderer's main thread, by name: total ms and count (nested events counted in their own name too). */
export function mainThreadTotals(events: TraceEvent[]): Map<string, { ms: number; n: number }> {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    const s = byName.get(e.name) ?? { ms: 0, n: 0 };
    s.ms += e.dur / 1000;
    s.n++;
    byName.set(e.name, s);
  }
  return byName;
}

export async function traced<T>(page: Page, dir: string | undefined, name: string, during: () => Promise<T>): Promise<T> {
  if (!dir) return during();
  const { result, events } = await recordTrace(page, dir, name, during);
  console.log(`  ${name}: where the renderer's main thread went (trace events, total ms, count)`);
  for (const line of summary(events)) console.log(`    ${line}`);
  return result;
}

/** The 25 longest names on the renderer's main thread, longest total first. */
function summary(events: TraceEvent[]): string[] {
  return [...mainThreadTotals(events)]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 25)
    .map(([n, s]) => `${s.ms.toFixed(0).padStart(7)} ms ${String(s.n).padStart(6)}×  ${n}`);
}
