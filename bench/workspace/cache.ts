import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAverage } from '../harness';
import { generateWorkspace } from './generate';

/**
 * Generated bench workspaces, made once per scale and kept in .tmp/bench/ (scale 4 takes minutes to build):
 * shared by the benches that need the same review-scale file. Delete them there after changing the generator.
 */
const CACHE = join(resolve(__dirname, '../..'), '.tmp/bench');

/** The load average, printed beside every figure (a shared machine inflates them). */
export const load = (): string => `load ${loadAverage()}`;

/** A generated workspace for a scale (seed 1), made once and kept. */
export function workspaceFor(scale: number): string {
  const file = join(CACHE, `scale${scale}-seed1.fieldnotes`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  console.log(`  generating scale ${scale} into ${file} (once; ${load()})…`);
  const made = generateWorkspace(partial, { scale, onProgress: (line) => console.log(`    ${line}`) });
  copyFileSync(partial, file);
  rmSync(partial, { force: true });
  console.log(`  generated in ${made.seconds.toFixed(0)} s`);
  return file;
}
