import { randomUUID } from 'node:crypto';
import type { refiMethods } from '../../../shared/contract/refi';
import { projectFileName } from '../../../shared/domain/files';
import type { QdpxImportReport } from '../../../shared/domain/refi';
import { FieldnotesError } from '../../../shared/rpc/result';
import { sharedNames } from '../codebook/names';
import { saveAs } from '../files/saveAs';
import { exportQdpx } from '../refi/exportProject';
import { importProject } from '../refi/importProject';
import { readQdpx, type PreparedProject } from '../refi/readQdpx';
import { listThemes } from '../services/themes';
import { createWorkspace } from '../workspace/workspace';
import type { DomainHandlers, HandlerContext } from './context';

/** Previews kept for their import; a person previews one file at a time, so a few are plenty. */
const MAX_PREVIEWS = 4;

export function refiHandlers(ctx: HandlerContext): DomainHandlers<typeof refiMethods> {
  const { uploads } = ctx.session;
  const previews = new Map<string, { prepared: PreparedProject; workspacePath: string }>();
  const db = () => ctx.requireWorkspace().db;
  const backupBeforeImport = () => {
    try {
      ctx.requireWorkspace().backupNow('before import');
    } catch (error) {
      ctx.options.log?.('backup before import failed', error); // the import itself is not refused for it
    }
  };
  return {
    'refi.exportCheck': () => ({ sharedNames: sharedNames(listThemes(db())) }),
    'refi.export': async ({ options, path, overwrite }) => {
      // Built after the place is chosen (saveAs asks first), so a cancelled dialog costs nothing.
      let counts: ReturnType<typeof exportQdpx>['counts'] | null = null;
      let leftOut: string[] = [];
      const suggested = projectFileName(ctx.requireWorkspace().info().name);
      const saved = await saveAs(ctx.options, suggested, { path, overwrite }, () => {
        const result = exportQdpx(db(), ctx.options.version, options);
        counts = result.counts;
        leftOut = result.leftOut;
        return result.bytes;
      });
      return saved && counts ? { ...saved, counts, leftOut } : null;
    },
    'refi.preview': async ({ uploadId }) => {
      const reviewer = ctx.requireReviewer();
      const workspace = ctx.requireWorkspace();
      const file = uploads.take(uploadId, 'project');
      const prepared = await readQdpx(file.bytes, file.fileName);
      const report = importProject(workspace.db, prepared, reviewer.id, { preview: true });
      const previewId = randomUUID();
      previews.set(previewId, { prepared, workspacePath: workspace.info().path });
      while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
      return { previewId, report };
    },
    'refi.import': ({ previewId }) => {
      const reviewer = ctx.requireReviewer();
      const workspace = ctx.requireWorkspace();
      const preview = previews.get(previewId);
      if (!preview || preview.workspacePath !== workspace.info().path) {
        throw new FieldnotesError('NOT_FOUND', 'That preview is no longer current (another workspace was opened, or it was imported). Choose the file again.');
      }
      previews.delete(previewId);
      backupBeforeImport();
      return importProject(workspace.db, preview.prepared, reviewer.id);
    },
    'refi.importNew': async ({ uploadId, name, path }) => {
      const reviewer = ctx.requireReviewer(); // before the dialog, so nobody chooses a place only to be refused
      const dialogs = ctx.options.dialogs;
      // As workspace.createChosen: the desktop app asks its own dialog and never takes the page's path.
      const target = dialogs ? await dialogs.chooseNewWorkspace(name) : path;
      if (target === null) return null;
      if (!target) throw new FieldnotesError('INVALID_INPUT', 'Say where to save the new workspace.');
      const file = uploads.take(uploadId, 'project');
      // Read and check the whole file before any workspace exists.
      const prepared = await readQdpx(file.bytes, file.fileName);
      let report: QdpxImportReport | null = null;
      const workspace = createWorkspace(
        target,
        { name, createdBy: reviewer, fill: (created) => (report = importProject(created, prepared, reviewer.id)) },
        { backups: {} },
      );
      return { workspace: ctx.opener.adopt(workspace), report: report! };
    },
  };
}
