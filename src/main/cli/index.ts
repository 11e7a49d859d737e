// `fieldnotes` — the command line over the core. See run.ts for the commands.
import { existsSync } from 'node:fs';
import { keyForFile, newKey, type WorkspaceKey } from '../core/workspace/encryption';
import { runCli } from './run';

/** The key for the workspace named on the command line, from FIELDNOTES_PASSPHRASE (Argon2id runs asynchronously). */
async function keyFromEnvironment(argv: string[]): Promise<WorkspaceKey | undefined> {
  const passphrase = process.env.FIELDNOTES_PASSPHRASE;
  if (!passphrase) return undefined;
  const [command, file, backup] = argv.filter((a) => !a.startsWith('-'));
  if (command === 'create') return newKey(passphrase);
  const target = command === 'restore' && backup ? backup : file;
  return target && existsSync(target) ? keyForFile(target, passphrase).catch(() => undefined) : undefined;
}

void keyFromEnvironment(process.argv.slice(2))
  .then((key) =>
    runCli(process.argv.slice(2), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
      key,
    }),
  )
  .then((code) => {
    process.exitCode = code;
});
