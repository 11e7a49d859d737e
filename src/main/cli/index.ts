// `fieldnotes` — the command line over the core. See run.ts for the commands.
import { createInterface } from 'node:readline/promises';
import { keyFromEnvironment } from './passphrase';
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

void keyFromEnvironment(process.argv.slice(2), process.env)
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
