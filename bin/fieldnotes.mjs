#!/usr/bin/env node
// Installed command: runs the built CLI (npm run build makes out/main/cli.js).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error('fieldnotes: the app is not built yet. Run "npm run build" first (or "npm run cli -- …" from source).');
  process.exit(2);
}
createRequire(import.meta.url)(built);
