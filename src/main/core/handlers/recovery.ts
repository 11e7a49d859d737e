import { basename } from 'node:path';
import type { recoveryMethods } from '../../../shared/contract/recovery';
import { FieldnotesError } from '../../../shared/rpc/result';
import { newestGoodBackup, nothingRefused, onlyIndexesDamaged, rebuildIndexesIntoCopy } from '../workspace/recovery';
import { restoreWorkspace, setLogAside } from '../workspace/workspace';
import { backupSummary } from './backups';
import type { RefusedOpen } from '../session';
import type { DomainHandlers, HandlerContext } from './context';

export function recoveryHandlers(ctx: HandlerContext): DomainHandlers<typeof recoveryMethods> {
  const { session } = ctx;
  const refused = (...codes: string[]): RefusedOpen => {
    const r = session.refused;
    if (!r || !codes.includes(r.code)) throw nothingRefused();
    return r;
  };
  return {
    'recovery.get': () => {
      const r = session.refused;
      if (!r) return null;
      const damaged = r.code === 'CORRUPT_WORKSPACE';
      const backup = damaged ? newestGoodBackup(r.path, r.key) : null;
      return {
        file: basename(r.path),
        code: r.code as 'PASSPHRASE_NEEDED',
        newestBackup: backup ? backupSummary(backup) : null,
        indexesOnly: damaged && onlyIndexesDamaged(r.findings),
      };
    },
    'recovery.setLogAside': () => {
      const r = refused('WAL_MISMATCH', 'WAL_DAMAGED');
      const aside = setLogAside(r.path);
      const info = ctx.opener.withKey(r.path, r.key);
      return { ...info, notice: `The recovery log that was refused was set aside as "${basename(aside)}" (nothing was deleted). ${info.notice ?? ''}`.trim() };
    },
    'recovery.restoreNewest': () => {
      const r = refused('CORRUPT_WORKSPACE');
      const backup = newestGoodBackup(r.path, r.key);
      if (!backup) throw new FieldnotesError('NOT_FOUND', `"${basename(r.path)}" has no backup that passes its checks. Keep the file, and ask for help recovering it.`);
      const { setAside } = restoreWorkspace(r.path, backup.path, r.key);
      const info = ctx.opener.withKey(r.path, r.key);
      return {
        ...info,
        notice: `Restored the backup from ${backup.takenAt}. The damaged file was kept beside it as "${basename(setAside ?? '')}".`,
      };
    },
    'recovery.rebuildIndexes': () => {
      const r = refused('CORRUPT_WORKSPACE');
      if (!onlyIndexesDamaged(r.findings)) {
        throw new FieldnotesError('CORRUPT_WORKSPACE', `More than the indexes of "${basename(r.path)}" is damaged, so rebuilding them cannot recover it. Restore a backup instead.`);
      }
      const { setAside } = rebuildIndexesIntoCopy(r.path, r.key);
      const info = ctx.opener.withKey(r.path, r.key);
      return { ...info, notice: `The indexes were rebuilt in a checked copy, which is now the workspace; every row was kept. The damaged file was kept beside it as "${basename(setAside)}".` };
    },
    'recovery.dismiss': () => {
      session.refused = null;
      return null;
    },
  };
}
