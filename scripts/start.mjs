#!/usr/bin/env node
// `npm start`: build Fieldnotes and open it in Electron.
// better-sqlite3 is a native module: Electron needs it compiled for Electron's
// ABI, Node (tests, CLI) for Node's. This rebuilds it for Electron first;
// `npm test` and the CLI switch it back (scripts/native-abi.mjs).
import { spawnSync } from 'node:child_process';
import { markAbi } from './native-abi.mjs';

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
};

// Resolving Electron's binary downloads it on first use (Electron 42+).
const probe = spawnSync(process.execPath, ['-e', "require('electron')"], { stdio: 'inherit' });
if (probe.status !== 0) {
  console.error(
    '\nFieldnotes could not get the Electron binary (it is downloaded on first start, which needs internet).\n' +
      'On a machine without it, try the same app in a browser on the loopback host: npm run dev:web\n',
  );
  process.exit(1);
}
if (run('npx', ['electron-rebuild', '--force', '--only', 'better-sqlite3']) !== 0) process.exit(1);
markAbi('electron');
process.exit(run('npx', ['electron-vite', 'preview']));
