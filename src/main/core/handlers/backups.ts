import { basename } from 'node:path';
import type { backupMethods } from '../../../shared/contract/backups';
import type { BackupSummary } from '../../../shared/domain/backup';
import { FieldnotesError } from '../../../shared/rpc/result';
import { countsOf, listBackups, type BackupInfo } from '../backup/backups';
import { saveAs } from '../files/saveAs';
import { consistentCopy } from '../workspace/recovery';
import { restoreWorkspace } from '../workspace/workspace';
import type { DomainHandlers, HandlerContext } from './context';

/** How the page sees a backup: by its name in the backup folder; the core keeps the path. */
export const backupSummary = (backup: BackupInfo): BackupSummary => ({
  name: basename(backup.path),
  takenAt: backup.takenAt,
  reason: backup.reason,
  bytes: backup.bytes,
  counts: backup.counts,
});

export function backupHandlers(ctx: HandlerContext): DomainHandlers<typeof backupMethods> {
  const { session, options } = ctx;
  return {
    'backups.list': () => {
      const workspace = ctx.requireWorkspace();
      return { current: countsOf(workspace.db), backups: listBackups(workspace.path).map(backupSummary) };
    },
    'backups.takeNow': () => {
      const backup = ctx.requireWorkspace().backupNow('by hand');
      if (!backup) throw new FieldnotesError('UNAVAILABLE', 'Backups are off for this workspace.');
      return backupSummary(backup);
    },
    'backups.restore': ({ name }) => {
      const workspace = ctx.requireWorkspace();
      // Named by the page, found by the core: only a backup of this workspace, in its own folder.
      const backup = listBackups(workspace.path).find((b) => basename(b.path) === name);
      if (!backup) throw new FieldnotesError('NOT_FOUND', `There is no backup called "${name}" for this workspace any more.`);
      const key = workspace.currentKey();
      session.closeWorkspace();
      try {
        const { setAside } = restoreWorkspace(workspace.path, backup.path, key);
        return { setAside: setAside && basename(setAside) };
      } finally {
        // Whether the restore happened or was refused, the window goes on with the workspace at that path.
        ctx.opener.withKey(workspace.path, key);
      }
    },
    'backups.saveCopy': (target) => {
      const workspace = ctx.requireWorkspace();
      const stem = basename(workspace.path).replace(/\.fieldnotes$/i, '');
      return saveAs(options, `${stem} copy.fieldnotes`, target, () => consistentCopy(workspace.db), { privateFile: true });
    },
  };
}
