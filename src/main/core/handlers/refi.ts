import { randomUUID } from 'node:crypto';
import type { refiMethods } from '../../../shared/contract/refi';
import { FieldnotesError } from '../../../shared/rpc/result';
import { sharedNames } from '../codebook/names';
import { writeFileAtomic } from '../files/writeOut';
import { uploadsFor } from '../files/uploads';
import { exportQdpx } from '../refi/exportProject';
import { importProject } from '../refi/importProject';
import { readQdpx, type PreparedProject } from '../refi/readQdpx';
import { listThemes } from '../services/themes';
import type { DomainHandlers, HandlerContext } from './context';

/** Previews kept for their import; a person previews one file at a time, so a few are plenty. */
const MAX_PREVIEWS = 4;

export function refiHandlers(ctx: HandlerContext): DomainHandlers<typeof refiMethods> {
  const uploads = uploadsFor(ctx.session);
  const previews = new Map<string, { prepared: PreparedProject; workspacePath: string }>();
  const db = () => ctx.requireWorkspace().db;
  return {
    'refi.exportCheck': () => ({ sharedNames: sharedNames(listThemes(db())) }),
    // The renderer never names a file to write where a native dialog exists (see attachments.export).
    'refi.export': async ({ options, path, overwrite }) => {
      const result = exportQdpx(db(), ctx.options.version, options);
      const dialogs = ctx.options.dialogs;
      let target: string | null;
      if (dialogs) target = await dialogs.chooseSaveFile(result.fileName);
      else if (path) target = path;
      else throw new FieldnotesError('INVALID_INPUT', 'Say where to save the project.');
      if (!target) return null;
      await writeFileAtomic(target, result.bytes, { overwrite: dialogs ? true : Boolean(overwrite) });
      return { path: target, counts: result.counts, leftOut: result.leftOut };
    },
    'refi.preview': async ({ uploadId }) => {
      const reviewer = ctx.requireReviewer();
      const workspace = ctx.requireWorkspace();
      const file = uploads.take(uploadId, 'import');
      const prepared = await readQdpx(file.bytes, file.fileName);
      const report = importProject(ctx.requireWorkspace().db, prepared, reviewer.id, { preview: true });
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
      return importProject(workspace.db, preview.prepared, reviewer.id);
    },
  };
}
