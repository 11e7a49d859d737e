/**
 * Importing a long transcript (issue 11): a generated .txt of about 5 MB of speaker turns imported into a
 * fresh workspace through `importNotes`, as the app does (read, split into parts, one transaction), and its
 * storing alone (the parts' documents built first, then inserted as importNotes does). Prints medians of the
 * runs, wall and CPU time, with the load average; it asserts nothing.
 *
 *   npx tsx bench/import.bench.ts [--mb 5] [--runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importNotes, splitIntoParts } from '../src/main/core/import/importNotes';
import { readNote } from '../src/main/core/import/readNote';
import { createEngagement } from '../src/main/core/services/engagements';
import { insertNote } from '../src/main/core/services/notes';
import { blocksToDocument } from '../src/shared/note/blocksToDocument';
import { createWorkspace } from '../src/main/core/workspace/workspace';
import { generateNote } from './corpus';
import { loadAverage } from './harness';
import { summarise } from './stats';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '5' }, runs: { type: 'string', default: '3' } } });
const bytesWanted = Number(values.mb) * 1024 * 1024;
const runs = Number(values.runs);

/** A transcript of speaker turns, one a line, from the bench's deterministic corpus. */
function transcript(size: number): Buffer {
  const lines: string[] = [];
  let length = 0;
  for (let seed = 1; length < size; seed++) {
    for (const block of generateNote(20_000, seed)) {
      if (block.kind !== 'paragraph') continue;
      // Turns of 8–20 words, about as long as files.test's 5 MB transcript's (~53,000 turns, 11 parts).
      const [speaker, ...said] = block.runs.map((r) => r.text).join('').split(' ');
      const line = `${speaker} ${said.slice(0, 8 + (seed + lines.length) % 13).join(' ')}\n`;
      lines.push(line);
      length += line.length;
      if (length >= size) break;
    }
  }
  return Buffer.from(lines.join(''));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall and CPU milliseconds of `work`; the CPU time stretches least with the machine's load. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const wall = performance.now();
  const cpu = cpuNow();
  const value = await work();
  return { value, wall: performance.now() - wall, cpu: cpuNow() - cpu };
}

async function main(): Promise<void> {
  const bytes = transcript(bytesWanted);
  const reviewer = { id: 'bench-reviewer', name: 'Bench', initials: 'B' };
  const figures = { whole: [] as number[], wholeCpu: [] as number[], store: [] as number[], storeCpu: [] as number[] };
  let notes = 0;
  let words = 0;
  console.log(`import bench: a ${(bytes.length / 1024 / 1024).toFixed(1)} MB .txt transcript, ${runs} runs (load ${loadAverage()})`);
  for (let run = 0; run < runs; run++) {
    const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-import-bench-'));
    try {
      for (const kind of ['whole', 'store'] as const) {
        const workspace = createWorkspace(join(folder, `${kind}.fieldnotes`), { name: 'Import bench', createdBy: reviewer });
        const db = workspace.db;
        const engagement = createEngagement(db, { title: 'Long day', type: 'workshop', date: '2018-09-03' }, reviewer.id);
        if (kind === 'whole') {
          // What imports.note does after the upload and backup: read, split, build, store in one transaction.
          const { value: made, wall, cpu } = await timed(() => importNotes(() => db, { fileName: 'Long day.txt', bytes }, engagement.id, reviewer.id));
          figures.whole.push(wall);
          figures.wholeCpu.push(cpu);
          notes = made.length;
          words = made.reduce((n, note) => n + note.wordCount, 0);
        } else {
          // Its storing alone: the same parts' documents built first, then inserted as importNotes does.
          const documents = splitIntoParts((await readNote(bytes, 'Long day.txt')).blocks).map(blocksToDocument);
          const { wall, cpu } = await timed(() =>
            db.transaction(() =>
              documents.forEach((document, i) => insertNote(db, { engagementId: engagement.id, title: `Part ${i + 1}`, document, source: 'import:txt' }, reviewer.id)),
            )(),
          );
          figures.store.push(wall);
          figures.storeCpu.push(cpu);
        }
        workspace.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const median = (samples: number[]) => seconds(summarise(samples).median);
  console.log(`  ${notes} notes, ${words.toLocaleString('en-GB')} words, ${bytes.toString().split('\n').length - 1} turns`);
  console.log(`  import, whole:   median ${median(figures.whole)} (CPU ${median(figures.wholeCpu)}); runs ${figures.whole.map(seconds).join(', ')}`);
  console.log(`  storing alone:   median ${median(figures.store)} (CPU ${median(figures.storeCpu)}); runs ${figures.store.map(seconds).join(', ')}`);
  console.log(`load after: ${loadAverage()}`);
}

void main();
