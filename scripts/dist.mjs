#!/usr/bin/env node
// `npm run dist`: the installers for the platform this runs on (electron-builder.yml): AppImage and deb on
// Linux, dmg on macOS, a per-user NSIS installer on Windows. Needs internet once: Electron's zip, the
// installer tools (appimagetool, fpm, NSIS) and Electron's headers to rebuild better-sqlite3 for Electron.
import { spawnSync } from 'node:child_process';
import { markAbi } from './native-abi.mjs';

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (run('npx', ['electron-vite', 'build']) !== 0) process.exit(1);
// electron-builder rebuilds better-sqlite3 for Electron in node_modules; `npm test` switches it back.
markAbi('electron');
const status = run('npx', ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]);
if (status !== 0) {
  console.error(
    '\nThe installers were not built. electron-builder needs internet the first time (Electron itself and the\n' +
      'installer tools); its own message is above. `npm run test:package` checks what can be built offline.',
  );
}
process.exit(status);
