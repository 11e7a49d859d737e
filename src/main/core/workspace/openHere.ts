import { realpathSync } from 'node:fs';

/**
 * Workspaces open in this process (real paths). SQLite's exclusive lock keeps other
 * processes out; this keeps a second window of the same process out too. Module-level on
 * purpose: it is the one thing every session of the process must see (each window's
 * session holds its own workspace; this is what they hold between them).
 */
export const openInThisProcess = new Set<string>();

/**
 * Whether `path` is a workspace this process has open, or its recovery log. An export
 * written over one would replace the file under the open connection, whose later saves
 * would then go to a file no longer on the disk (found by the contract fuzz, issue 12).
 */
export function isOpenWorkspaceFile(path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false;
  }
  return openInThisProcess.has(real) || (real.endsWith('-wal') && openInThisProcess.has(real.slice(0, -'-wal'.length)));
}
