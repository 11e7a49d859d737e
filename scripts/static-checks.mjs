#!/usr/bin/env node
// `npm test`'s first step: lint and type-check side by side. Each is single-threaded (eslint, and typecheck's two
// tsc programs), and one after the other they took ~70 s of a CI run on two cores.
import { runSideBySide } from './sideBySide.mjs';

const windows = process.platform === 'win32';
const npm = windows ? 'npm.cmd' : 'npm';
const passed = await runSideBySide([
  { name: 'lint', command: npm, args: ['run', 'lint'], shell: windows },
  { name: 'typecheck', command: npm, args: ['run', 'typecheck'], shell: windows },
]);
console.log(passed ? '✓ lint and typecheck' : '✗ lint or typecheck failed (above)');
process.exit(passed ? 0 : 1);
