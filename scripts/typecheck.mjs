#!/usr/bin/env node
// Type-check the two programs (Node side: shared, core, shell, CLI, tests; web side: shared and renderer) at the
// same time: each is one single-threaded tsc, and run one after the other they took ~31 s on two cores.
import { createRequire } from 'node:module';
import { runSideBySide } from './sideBySide.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const passed = await runSideBySide(
  ['tsconfig.node.json', 'tsconfig.web.json'].map((project) => ({
    name: project,
    command: process.execPath,
    args: [tsc, '-p', project, '--noEmit', '--pretty'],
  })),
);
process.exit(passed ? 0 : 1);
