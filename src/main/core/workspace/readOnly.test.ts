// Read-only folders. Root ignores permission bits, so as root these run in a
// child process as nobody (uid 65534); as another user they run as that user.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canWrite,
  CLI,
  isRoot,
  makeWorkspace,
  PROJECT_ROOT,
  runUnprivileged,
  snapshot,
  tempFolders,
  TSX,
} from '../testing/tempWorkspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/**
 * Whether a 0o555 folder really stops us writing. As root the child runs as
 * nobody, so it does; as another user some file systems ignore the bits, and
 * only then is the test skipped (reported as skipped, never as passed).
 */
const readOnlyFoldersWork = (() => {
  if (isRoot) return true;
  const probe = join(tmpdir(), `fieldnotes-ro-probe-${process.pid}`);
  mkdirSync(probe, { mode: 0o555 });
  chmodSync(probe, 0o555);
  const writable = canWrite(probe);
  chmodSync(probe, 0o755);
  rmdirSync(probe);
  return !writable;
})();

/**
 * The child runs this checkout's tsx, CLI and better-sqlite3. As root it runs
 * as nobody, who cannot enter a checkout under a 0700 folder (a fresh clone in
 * a private home or temp folder); then the tests are skipped with the reason
 * printed, rather than failing for where the project was cloned.
 */
const childCanRunHere = (() => {
  if (!isRoot) return true;
  const check = `const fs = require('fs'); fs.accessSync(${JSON.stringify(TSX)}, fs.constants.X_OK); fs.readdirSync(${JSON.stringify(join(PROJECT_ROOT, 'node_modules/better-sqlite3'))}); fs.accessSync(${JSON.stringify(CLI)}, fs.constants.R_OK);`;
  const reachable = runUnprivileged(process.execPath, ['-e', check]).status === 0;
  if (!reachable) {
    console.log(
      `read-only folder tests skipped: user nobody cannot reach this checkout (${PROJECT_ROOT}); clone it where every user may enter (no 0700 folder above it) to run them`,
    );
  }
  return reachable;
})();
const canRun = readOnlyFoldersWork && childCanRunHere;

/** A temp folder the unprivileged user can reach, with a read-only folder `ro` inside. */
function layout() {
  const base = folders.make();
  chmodSync(base, 0o755);
  const home = join(base, 'home');
  mkdirSync(home, { mode: 0o777 });
  chmodSync(home, 0o777);
  const ro = join(base, 'ro');
  mkdirSync(ro);
  return { base, home, ro };
}

describe('read-only folders', () => {
  it.skipIf(!canRun)('the CLI refuses to create a workspace there: exit 3, "read-only"', () => {
    const { home, ro } = layout();
    chmodSync(ro, 0o555);
    const target = join(ro, 'x.fieldnotes');
    const run = runUnprivileged(TSX, [CLI, 'create', target, '--by', 'Test'], { FIELDNOTES_HOME: home });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toContain('read-only');
    expect(run.stderr).toContain('x.fieldnotes');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a sentence, not a stack trace
    expect(run.status).toBe(3);
    expect(readdirSync(ro)).toEqual([]);
  });

  it.skipIf(!canRun)('opening an existing workspace there is refused with READ_ONLY, checking it works, and neither changes anything', () => {
    const { base, ro } = layout();
    // One the user cannot write at all (a root-owned file), one whose file is writable but folder is not.
    const locked = join(ro, 'locked.fieldnotes');
    const writableFile = join(ro, 'writable-file.fieldnotes');
    makeWorkspace(locked, 5);
    makeWorkspace(writableFile, 5);
    chmodSync(locked, 0o444);
    chmodSync(writableFile, 0o666);
    chmodSync(ro, 0o555);
    const before = [snapshot(locked), snapshot(writableFile)];

    const probe = join(base, 'probe.ts');
    const workspaceModule = join(PROJECT_ROOT, 'src/main/core/workspace/workspace.ts');
    writeFileSync(
      probe,
      `import { inspectWorkspace, openWorkspace } from ${JSON.stringify(workspaceModule)};
       const results: Record<string, string> = {};
       for (const file of process.argv.slice(2)) {
         for (const [how, fn] of [['open', () => openWorkspace(file).close()], ['inspect', () => inspectWorkspace(file)]] as const) {
           try { fn(); results[how + ' ' + file] = 'opened'; }
           catch (e) { const err = e as { code?: string; message?: string }; results[how + ' ' + file] = err.code + ': ' + err.message; }
         }
       }
       process.stdout.write(JSON.stringify(results));`,
      { mode: 0o644 },
    );
    const run = runUnprivileged(TSX, [probe, locked, writableFile]);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Record<string, string>;
    for (const file of [locked, writableFile]) {
      expect(results[`open ${file}`]).toMatch(/^READ_ONLY: .*read-only/);
      // Inspecting examines a private copy, so it needs nothing from the folder.
      expect(results[`inspect ${file}`]).toBe('opened');
    }
    expect([snapshot(locked), snapshot(writableFile)]).toEqual(before);
    expect(existsSync(`${locked}-wal`)).toBe(false);
  });
});
