import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../src/main/core/db/migrations';
import { migrate } from '../../src/main/core/db/migrate';
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
  // Named by schema version: an older file would be migrated (and backed up, 450 MB at scale 4) on every run.
  const named = (version: number) => join(CACHE, `scale${scale}-seed1-v${version}.fieldnotes`);
  const file = named(LATEST_SCHEMA_VERSION);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // The file of the version before, if kept, brought up to date: minutes quicker than generating scale 4 again.
  const older = named(LATEST_SCHEMA_VERSION - 1);
  if (existsSync(older)) {
    console.log(`  migrating ${older} to version ${LATEST_SCHEMA_VERSION} (once; ${load()})…`);
    copyFileSync(older, partial);
    const db = new Database(partial);
    try {
      migrate(db);
    } finally {
      db.close();
    }
    copyFileSync(partial, file);
    rmSync(partial, { force: true });
    return file;
  }
  console.log(`  generating scale ${scale} into ${file} (once; ${load()})…`);
  const made = generateWorkspace(partial, { scale, onProgress: (line) => console.log(`    ${line}`) });
  copyFileSync(partial, file);
  rmSync(partial, { force: true });
  console.log(`  generated in ${made.seconds.toFixed(0)} s`);
  return file;
}
