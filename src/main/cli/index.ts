// `fieldnotes` — the command line over the core. See run.ts for the commands.
import { existsSync } from 'node:fs';
import { keyForFile, newKey, type WorkspaceKey } from '../core/workspace/encryption';
import { createInterface } from 'node:readline/promises';
import { runCli } from './run';

/** A yes/no question at the terminal; only offered when stdin is one (a script must say --yes). */
async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes)$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** The key for the workspace named on the command line, from FIELDNOTES_PASSPHRASE (Argon2id runs asynchronously). */
async function keyFromEnvironment(argv: string[]): Promise<WorkspaceKey | undefined> {
  const passphrase = process.env.FIELDNOTES_PASSPHRASE;
  if (!passphrase) return undefined;
  const [command, file, backup] = argv.filter((a) => !a.startsWith('-'));
  if (command === 'create') return newKey(passphrase);
  // merge reads the pack (which must be unencrypted) into the workspace named by --into.
  const into = argv[argv.indexOf('--into') + 1];
  const target = command === 'restore' && backup ? backup : command === 'merge' ? into : file;
  return target && existsSync(target) ? keyForFile(target, passphrase).catch(() => undefined) : undefined;
}

void keyFromEnvironment(process.argv.slice(2))
  .then((key) =>
    runCli(process.argv.slice(2), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      env: process.env,
      key,
      confirm: process.stdin.isTTY ? confirm : undefined,
    }),
  )
  .then((code) => {
    process.exitCode = code;
});
