import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface RunningHost {
  /** Page URL with the session token. */
  url: string;
  origin: string;
  /** The folder holding this host's settings and workspaces. */
  data: string;
  workspaces: string;
  process: ChildProcess;
  /** Stop gracefully (SIGTERM) and wait. */
  stop(): Promise<void>;
  /** Kill at once (SIGKILL), as a crash or a flat battery would. */
  kill(): Promise<void>;
}

/**
 * Start the loopback host as its own process, so a test can kill it like a
 * crash. Pass `data` to restart on the same folders after a kill.
 */
export async function startHost(data = mkdtempSync(join(tmpdir(), 'fieldnotes-e2e-'))): Promise<RunningHost> {
  // One process, no tsx wrapper: killing it kills the core, as a real crash would.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/host/serve.ts'), '--data', data], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Fieldnotes loopback host: (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}): ${stderr}`));
    });
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url,
    origin: new URL(url).origin,
    data,
    workspaces: join(data, 'workspaces'),
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export function removeData(data: string): void {
  rmSync(data, { recursive: true, force: true });
}
