import { resolve } from 'node:path';
import type { reportMethods } from '../../../shared/contract/report';
import { reportFileName } from '../../../shared/domain/report';
import { FieldnotesError } from '../../../shared/rpc/result';
import { exportBytes, preExportCheck } from '../export/exportReport';
import { checkWriteTarget } from '../files/writeOut';
import type { DomainHandlers, HandlerContext } from './context';

export function reportHandlers(ctx: HandlerContext): DomainHandlers<typeof reportMethods> {
  const jobs = ctx.session.exports;
  const exportContext = () => {
    const workspace = ctx.requireWorkspace();
    return { db: workspace.db, workspaceName: workspace.info().name, printer: ctx.options.printer };
  };
  return {
    'report.check': ({ format, options }) => preExportCheck(format, options, exportContext()),
    // The renderer never names a file to write where a native dialog exists (see attachments.export).
    'report.export': async ({ format, options, path, overwrite }) => {
      const context = exportContext();
      const dialogs = ctx.options.dialogs;
      let target = path;
      let replace = overwrite;
      if (dialogs) {
        const chosen = await dialogs.chooseSaveFile(reportFileName(context.workspaceName, format, options.csvTable));
        if (!chosen) return null;
        target = chosen;
        replace = true; // the native dialog has asked already
      }
      if (!target) throw new FieldnotesError('INVALID_INPUT', 'Say where to save the export.');
      await checkWriteTarget(target, replace); // a taken name is refused now, before minutes of work
      return jobs.start(resolve(target), replace, async (signal, report) => {
        const { bytes } = await exportBytes(format, options, { ...context, signal, onProgress: report });
        return bytes;
      });
    },
    'report.progress': ({ jobId }) => jobs.progress(jobId),
    'report.cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
