/**
 * What the review-scale benches share: a workspace to measure (generated, or a
 * copy of the one given, so the file given is never changed), a probe run in a
 * child process of its own (so its peak RSS is its own work, not the bench's),
 * and the load average to print beside every figure (CPU time is in stats.ts).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateWorkspace, type GeneratedWorkspace } from './workspace/generate';

export const BENCH_ROOT = resolve(import.meta.dirname, '..');

export const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

export interface BenchWorkspaceOptions {
  /** A workspace to measure a copy of; otherwise one is generated. */
  given?: string;
  seed: number;
  scale: number;
  /** Keep the temporary folder (and print where it is). */
  keep: boolean;
}

/**
 * Runs `measure` on a workspace in a temporary folder, removed afterwards unless kept.
 * `made` is what the generator made, or undefined for a copy of the given file.
 */
export async function withBenchWorkspace(
  name: string,
  options: BenchWorkspaceOptions,
  measure: (file: string, folder: string, made: GeneratedWorkspace | undefined) => Promise<void> | void,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), `fieldnotes-${name}-bench-`));
  const file = join(folder, 'review.fieldnotes');
  try {
    let made: GeneratedWorkspace | undefined;
    if (options.given) {
      copyFileSync(resolve(options.given), file);
      console.log(`workspace: a copy of ${options.given}`);
    } else {
      made = generateWorkspace(file, { seed: options.seed, scale: options.scale });
      console.log(
        `workspace: generated in ${made.seconds.toFixed(1)} s (seed ${made.seed}, scale ${made.scale}; npm run gen:workspace makes one to keep): ` +
          `${made.counts.passages.toLocaleString('en-GB')} passages, ${made.findings.findings} findings, ` +
          `${made.findings.recommendations} recommendations, ${made.findings.cellSummaries} cell summaries`,
      );
    }
    await measure(file, folder, made);
  } finally {
    if (options.keep) console.log(`kept: ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs a bench probe (`node --import tsx <script> …args`) and parses the JSON it prints last. */
export function runProbe<T>(script: string, args: readonly string[]): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(BENCH_ROOT, script), ...args], {
    cwd: BENCH_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) done(JSON.parse(line) as T);
      else fail(new Error(`${script} exited with ${code}:\n${stderr}${stdout}`));
    });
  });
}
