#!/usr/bin/env node
// Make sure better-sqlite3 is compiled for plain Node before tests or the CLI
// run under Node (after `npm start` it is compiled for Electron instead).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const marker = fileURLToPath(new URL('../node_modules/.fieldnotes-native-abi', import.meta.url));

export function markAbi(runtime) {
  writeFileSync(marker, runtime);
}

function loadsUnderNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    encoding: 'utf8',
  });
  return probe.status === 0;
}

export function ensureNodeAbi() {
  const built = existsSync(marker) ? readFileSync(marker, 'utf8') : 'node';
  if (built === 'node' && loadsUnderNode()) return;
  console.log('Rebuilding better-sqlite3 for Node (it was last built for Electron)…');
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0 || !loadsUnderNode()) {
    console.error('better-sqlite3 could not be rebuilt for Node. Run "npm rebuild better-sqlite3" and read its output.');
    process.exit(1);
  }
  markAbi('node');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureNodeAbi();
