#!/usr/bin/env node
// Type-check the two programs (Node side: shared, core, shell, CLI, tests; web side: shared and renderer) at the
// same time: each is one single-threaded tsc, and run one after the other they took ~31 s on two cores.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['tsconfig.node.json', 'tsconfig.web.json'];

const results = await Promise.all(
  projects.map(
    (project) =>
      new Promise((done) => {
        let output = '';
        const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty'], { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => done({ project, code, output }));
      }),
  ),
);

// Print each program's errors together (not interleaved), then fail if either failed.
for (const { project, code, output } of results) {
  if (code !== 0) console.error(`${project}:\n${output}`);
}
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
