#!/usr/bin/env node
// `npm test`'s first step: lint and type-check side by side. Each is single-threaded (eslint, and typecheck's two
// tsc programs), and one after the other they took ~70 s of a CI run on two cores; together ~40 s.
import { spawn } from 'node:child_process';

const checks = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = await Promise.all(
  checks.map(
    ([name, args]) =>
      new Promise((done) => {
        let output = '';
        const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => done({ name, code, output }));
      }),
  ),
);

// Each check's output whole (not interleaved); fail if either failed.
for (const { name, code, output } of results) {
  console.log(`${code === 0 ? '✓' : '✗'} ${name}`);
  if (code !== 0) console.error(output);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
