/**
 * The core's side of an autosave alone (issue 11), in Node, against the capture bench's generated
 * workspaces (.tmp/bench, bench/workspace/cache.ts): in the long note of each scale, a word typed at the
 * end of a mark's text in the middle of the note (as capture.bench.ts types), saved as the renderer saves
 * it — `notes.save` with a one-block patch through the core's `invoke` (parse, handler, transaction,
 * commit, the `data.changed` announcement) — and the answer's size; then the core's whole work per save,
 * with what it writes just after answering, and what the saves held back (the passages they moved,
 * services/noteBlocks.ts) written when they pause, timed as the next call less a second one. The
 * renderer's share is the capture bench's round trip less this. Prints figures with the load; asserts nothing.
 *   npx tsx bench/save.bench.ts [--scales 1,4] [--saves 40] [--each] [--profile DIR]
 * `--each` prints every save's time; `--profile DIR` writes a CPU profile of the saves alone
 * (`npx tsx bench/profileSummary.ts FILE`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createCore } from '../src/main/core';
import { splitDocument } from '../src/shared/note/blocks';
import { APP_VERSION } from '../src/shared/version';
import { ms, summarise } from './stats';
import { load, workspaceFor } from './workspace/cache';
import { BIG_NOTE_TITLE } from './workspace/generate';

interface LexicalJson {
  type: string;
  text?: string;
  ids?: string[];
  children?: LexicalJson[];
}

/** The first mark in a block, depth first. */
function firstMark(node: LexicalJson): LexicalJson | null {
  if (node.type === 'mark') return node;
  for (const child of node.children ?? []) {
    const found = firstMark(child);
    if (found) return found;
  }
  return null;
}

/** The last text node under a node. */
function lastText(node: LexicalJson): LexicalJson | null {
  if (node.type === 'text') return node;
  for (const child of [...(node.children ?? [])].reverse()) {
    const found = lastText(child);
    if (found) return found;
  }
  return null;
}

/** A CPU profile of `during`, written to `dir/name.cpuprofile` (no-op without a dir). */
async function profiled<T>(dir: string | undefined, name: string, during: () => Promise<T>): Promise<T> {
  if (!dir) return during();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await during();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function measure(scale: number, saves: number, each: boolean, profileDir?: string): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'fieldnotes-save-bench-'));
  try {
    mkdirSync(join(data, 'workspaces'));
    const file = join(data, 'workspaces', 'review.fieldnotes');
    copyFileSync(workspaceFor(scale), file);
    const folders = { settingsFolder: join(data, 'settings'), defaultFolder: join(data, 'workspaces') };
    const core = createCore({ ...folders, host: 'loopback', version: APP_VERSION });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await core.invoke(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    await call('reviewer.set', { name: 'Bench Mark', initials: 'BM' });
    const opened = Date.now();
    await call('workspace.open', { path: file });
    const openMs = Date.now() - opened;
    // The long note (as capture.bench.ts finds it).
    const reader = new Database(workspaceFor(scale), { readonly: true, fileMustExist: true });
    const noteId = reader.prepare('SELECT id FROM notes WHERE title = ? ORDER BY word_count DESC LIMIT 1').pluck().get(BIG_NOTE_TITLE) as string;
    reader.close();
    // Opened as the editor opens it; the first keystroke's save comes a moment later.
    const note = await call<{ document: string; revision: number; wordCount: number }>('notes.forEditor', { id: noteId });
    const passages = await call<unknown[]>('passages.forNote', { noteId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The codebook's counts need the analysis index: its background build at open is finished, not timed with the saves.
    await call('themes.list', {});
    const { blocks } = splitDocument(note.document);
    const marked = blocks.map((b, i) => [i, b] as const).filter(([, b]) => b.includes('"type":"mark"'));
    const [at, block] = marked[Math.floor(marked.length / 2)]!;
    const tree = JSON.parse(block) as LexicalJson;
    const text = lastText(firstMark(tree)!)!;
    let revision = note.revision;
    const times: number[] = [];
    const busy: number[] = [];
    let answerBytes = 0;
    let requestBytes = 0;
    const word = ' triage';
    await profiled(profileDir, `save-scale${scale}`, async () => {
      for (let i = 0; i < saves; i++) {
        text.text += word[i % word.length]!;
        const patch = { start: at, removed: 1, blocks: [JSON.stringify(tree)], total: blocks.length };
        const input = { id: noteId, baseRevision: revision, patch };
        const t0 = performance.now();
        const saved = await call<{ revision: number; changedPassages: unknown[] }>('notes.save', input);
        times.push(performance.now() - t0);
        // What the core does just after answering (the passages the save moved) runs before this.
        await new Promise((resolve) => setImmediate(resolve));
        busy.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 100)); // saves come 250–500 ms apart
        revision = saved.revision;
        answerBytes += JSON.stringify(saved).length;
        requestBytes += JSON.stringify({ method: 'notes.save', input }).length;
      }
    });
    // What the saves held back (the passages they moved) is written once they pause, or first by the next call:
    // timed as the next call less a second one.
    const timed = async () => {
      const t0 = performance.now();
      await call('reviewer.get', {});
      return performance.now() - t0;
    };
    const heldWrite = (await timed()) - (await timed());
    core.close();
    if (each) console.log(`    each save, ms: ${times.map((t) => t.toFixed(0)).join(' ')}`);
    const s = summarise(times);
    const b = summarise(busy);
    console.log(
      `  scale ${scale}: ${note.wordCount.toLocaleString('en-GB')} words, ${passages.length.toLocaleString('en-GB')} passages, ${blocks.length.toLocaleString('en-GB')} blocks (opened in ${openMs} ms)`,
    );
    console.log(`    core save (invoke → Result), p95 ${ms(s.p95)}, median ${ms(s.median)}, n ${s.n}; the first ${ms(times[0] ?? Number.NaN)}`);
    console.log(`    core busy per save (with what it writes just after answering), p95 ${ms(b.p95)}, median ${ms(b.median)}`);
    console.log(`    then, written when the saves paused: ${ms(heldWrite)}; all the core did for ${s.n} saves, ${ms(busy.reduce((a, x) => a + x, 0) + heldWrite)}`);
    console.log(`    request ${(requestBytes / saves / 1024).toFixed(1)} KiB, answer ${(answerBytes / saves / 1024).toFixed(1)} KiB — ${load()}`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,4' }, saves: { type: 'string', default: '40' }, profile: { type: 'string' }, each: { type: 'boolean', default: false } } });
  console.log(`\nThe core's autosave alone (issue 11) — ${load()}`);
  for (const scale of values.scales.split(',').map(Number)) await measure(scale, Number(values.saves), values.each, values.profile);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
