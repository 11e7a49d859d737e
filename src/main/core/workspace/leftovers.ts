import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sweepCrashedFolders } from '../files/uploads';
import { CHECK_FOLDER_PREFIX } from './examine';
import { CREATING_MARK } from './workspace';

/** A half-built workspace (and its -wal) older than this was left by a process that died. */
const CREATING_AGE_MS = 60_000;
const CREATING = new RegExp(`${CREATING_MARK.replace('.', '\\.')}[0-9a-f]{8}(-wal|-shm|-journal)?$`);

/**
 * What a crash leaves behind holds personal data: upload parts and private
 * check copies in the system temp folder (per process id, removed once that
 * process is gone), and `.creating-*` files (the reviewer's name, the
 * workspace's) in the folders workspaces were made in. Run when a core starts.
 */
export function sweepLeftovers(folders: Iterable<string>): void {
  sweepCrashedFolders();
  sweepCrashedFolders(CHECK_FOLDER_PREFIX);
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue; // moved, unplugged, or not ours to read
    }
    for (const name of names) {
      if (!CREATING.test(name)) continue;
      const path = join(folder, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > CREATING_AGE_MS) rmSync(path, { force: true });
      } catch {
        // Gone already, or someone else's.
      }
    }
  }
}
