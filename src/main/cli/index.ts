// `fieldnotes` — the command line over the core. See run.ts for the commands.
import { runCli } from './run';

const code = runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
process.exitCode = code;
