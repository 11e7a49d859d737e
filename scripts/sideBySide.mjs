// Run commands at the same time (each is single-threaded; the machines have two cores or more), collect each
// one's output, print it whole (not interleaved) for those that failed, and answer whether all passed.
import { spawn } from 'node:child_process';

/** @param {{ name: string, command: string, args: string[], shell?: boolean }[]} commands */
export async function runSideBySide(commands) {
  const results = await Promise.all(
    commands.map(
      ({ name, command, args, shell = false }) =>
        new Promise((done) => {
          let output = '';
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], shell });
          child.stdout.on('data', (chunk) => (output += chunk));
          child.stderr.on('data', (chunk) => (output += chunk));
          child.on('close', (code) => done({ name, code, output }));
        }),
    ),
  );
  for (const { name, code, output } of results) {
    if (code !== 0) console.error(`${name}:\n${output}`);
  }
  return results.every((r) => r.code === 0);
}
