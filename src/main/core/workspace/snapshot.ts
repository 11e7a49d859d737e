import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHECK_FOLDER_PREFIX, privateCopy, refuseIfHeldElsewhere } from './examine';
import type { WorkspaceKey } from './encryption';
import { openWorkspace, type Workspace } from './workspace';

/**
 * Open a private copy of a workspace for a command that only reads it (the
 * CLI's exports). Opening the file itself writes: the log token, the
 * reviewer, a checkpoint. Reading a copy leaves every byte of the file and its
 * -wal as it was. Refused while another process holds the file (its copy could
 * be half-written).
 */
export function openSnapshot(inputPath: string, key?: WorkspaceKey): Workspace {
  const path = resolve(inputPath);
  refuseIfHeldElsewhere(path);
  const folder = mkdtempSync(join(tmpdir(), `${CHECK_FOLDER_PREFIX}${process.pid}-`));
  chmodSync(folder, 0o700);
  try {
    const copy = join(folder, 'w.fieldnotes');
    privateCopy(path, copy);
    if (existsSync(`${path}-wal`)) privateCopy(`${path}-wal`, `${copy}-wal`);
    const workspace = openWorkspace(copy, { key });
    return new Proxy(workspace, {
      get(target, property, receiver) {
        if (property === 'close') {
          return () => {
            target.close();
            rmSync(folder, { recursive: true, force: true });
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
