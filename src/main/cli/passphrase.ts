import { existsSync } from 'node:fs';
import { keyForFile, newKey, type WorkspaceKey } from '../core/workspace/encryption';

/**
 * The key for the workspace named on the command line, from FIELDNOTES_PASSPHRASE in `env` (Argon2id runs
 * asynchronously, so it is derived before the synchronous commands run). None when no passphrase is set, or the
 * file is not there to read its salt from.
 */
export async function keyFromEnvironment(argv: string[], env: NodeJS.ProcessEnv): Promise<WorkspaceKey | undefined> {
  const passphrase = env.FIELDNOTES_PASSPHRASE;
  if (!passphrase) return undefined;
  const [command, file, backup] = argv.filter((a) => !a.startsWith('-'));
  if (command === 'create') return newKey(passphrase);
  // merge reads the pack (which must be unencrypted) into the workspace named by --into.
  const into = argv[argv.indexOf('--into') + 1];
  const target = command === 'restore' && backup ? backup : command === 'merge' ? into : file;
  return target && existsSync(target) ? keyForFile(target, passphrase).catch(() => undefined) : undefined;
}
