// `fieldnotes` — the command line over the core. See run.ts for the commands.
import { runCli } from './run';

void Promise.resolve(
  runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  }),
).then((code) => {
  process.exitCode = code;
});
