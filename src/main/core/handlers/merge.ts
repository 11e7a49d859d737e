import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { mergeMethods } from '../../../shared/contract/merge';
import { mergePackFileName, type MergePackInfo } from '../../../shared/domain/merge';
import { FieldnotesError } from '../../../shared/rpc/result';
import { saveAs } from '../files/saveAs';
import { mergeInto, previewMerge } from '../merge/mergePack';
import { describePack, openPackBytes, packBytes } from '../merge/packs';
import type { Workspace } from '../workspace/workspace';
import type { DomainHandlers, HandlerContext } from './context';

interface HeldPreview {
  id: string;
  pack: Workspace;
  info: MergePackInfo;
  workspacePath: string;
}

const stale = () =>
  new FieldnotesError('NOT_FOUND', 'That preview is no longer current (it was merged, or another workspace was opened). Choose the pack again.');

export function mergeHandlers(ctx: HandlerContext): DomainHandlers<typeof mergeMethods> {
  const { uploads } = ctx.session;
  // One pack at a time: a person previews one, then merges or leaves it. Its private copy stays open until then.
  let held: HeldPreview | null = null;
  const forget = () => {
    held?.pack.close();
    held = null;
  };
  return {
    'merge.sendPack': (target) => {
      const workspace = ctx.requireWorkspace();
      const reviewer = ctx.requireReviewer();
      const day = new Date().toISOString().slice(0, 10);
      return saveAs(ctx.options, mergePackFileName(workspace.info().name, reviewer.initials, day), target, () => packBytes(workspace.db));
    },
    'merge.preview': ({ uploadId }) => {
      const workspace = ctx.requireWorkspace();
      const file = uploads.take(uploadId, 'mergePack');
      forget();
      const pack = openPackBytes(file.bytes, file.fileName);
      try {
        const info = describePack(pack.db, file.fileName);
        const report = previewMerge(workspace.db, pack.db);
        held = { id: randomUUID(), pack, info, workspacePath: workspace.path };
        return { previewId: held.id, pack: info, report };
      } catch (error) {
        pack.close();
        throw error;
      }
    },
    'merge.run': ({ previewId, combineThemes, deleteAnyway }) => {
      const workspace = ctx.requireWorkspace();
      if (!held || held.id !== previewId || held.workspacePath !== workspace.path) throw stale();
      // The backup comes first, and without one nothing is merged: a merge touches every area at once.
      let backup;
      try {
        backup = workspace.backupNow('before merge');
      } catch (error) {
        throw new FieldnotesError('UNAVAILABLE', `No backup could be taken before merging (${error instanceof Error ? error.message : String(error)}), so nothing was merged.`);
      }
      if (!backup) throw new FieldnotesError('UNAVAILABLE', 'Backups are off for this workspace, so nothing was merged: a merge is only done after a backup.');
      try {
        return { report: mergeInto(workspace.db, held.pack.db, { combineThemes, deleteAnyway }), backup: basename(backup.path) };
      } finally {
        forget();
      }
    },
    'merge.discard': ({ previewId }) => {
      if (held?.id === previewId) forget();
      return null;
    },
  };
}
