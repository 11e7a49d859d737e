#!/usr/bin/env node
// `npm start`: build Fieldnotes and open it in Electron.
// better-sqlite3 is a native module: Electron needs it compiled for Electron's
// ABI, Node (tests, CLI) for Node's. This rebuilds it for Electron first;
// `npm test` and the CLI switch it back (scripts/native-abi.mjs).
import { spawnSync } from 'node:child_process';
import { findElectron } from './electron-binary.mjs';
import { markAbi } from './native-abi.mjs';

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
};

console.log('Looking for Electron (downloaded on first start, which needs internet)…');
const electron = findElectron();
if (!electron.path) {
  console.error(
    `\nFieldnotes cannot start: ${electron.why}.\n` +
      'Electron is downloaded once, on the first start, so run npm start again where there is internet.\n' +
      'Meanwhile the same app runs in a browser on the loopback host: npm run dev:web\n',
  );
  process.exit(1);
}
if (run('npx', ['electron-rebuild', '--force', '--only', 'better-sqlite3']) !== 0) process.exit(1);
markAbi('electron');
process.exit(run('npx', ['electron-vite', 'preview']));
