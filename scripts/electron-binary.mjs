// Where Electron's binary is, or in one sentence why it is not. Resolving `electron` downloads the binary on
// first use (Electron 42+); on a machine without internet that prints a download stack trace, so the probe
// runs in a child process with its output captured and only the cause is kept.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @returns {{ path: string } | { why: string }} */
export function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  const lines = `${probe.stderr ?? ''}\n${probe.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const cause =
    lines.find((l) => /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|403|404/.test(l)) ??
    lines.find((l) => /error/i.test(l)) ??
    (probe.error ? probe.error.message : 'no output');
  return { why: `Electron's binary could not be downloaded on this machine (${cause})` };
}

// `node scripts/electron-binary.mjs` prints the answer as JSON (for the Electron e2e suite, which Playwright
// loads as CommonJS and so cannot import this module).
if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(JSON.stringify(findElectron()));
