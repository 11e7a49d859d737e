import type { reportMethods } from '../../../shared/contract/report';
import { reportExtensions } from '../../../shared/domain/report';
import { FieldnotesError } from '../../../shared/rpc/result';
import { exportBytes, preExportCheck } from '../export/exportReport';
import { ExportJobs } from '../export/jobs';
import type { DomainHandlers, HandlerContext } from './context';

/** A file name from the review's name: letters, digits, spaces and dashes, as every system accepts. */
const suggestedName = (workspaceName: string, format: keyof typeof reportExtensions, table: string) => {
  const base = workspaceName.replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim() || 'Report';
  const kind = format === 'csv' ? (table === 'matrix' ? ' matrix' : ' coded passages') : format === 'xlsx' ? ' evidence' : ' findings report';
  return `${base}${kind}${reportExtensions[format]}`;
};

export function reportHandlers(ctx: HandlerContext): DomainHandlers<typeof reportMethods> {
  const jobs = new ExportJobs(ctx.options.log);
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
        const chosen = await dialogs.chooseSaveFile(suggestedName(context.workspaceName, format, options.csvTable));
        if (!chosen) return null;
        target = chosen;
        replace = true; // the native dialog has asked already
      }
      if (!target) throw new FieldnotesError('INVALID_INPUT', 'Say where to save the export.');
      return jobs.start(target, replace, async (signal, report) => {
        const { bytes } = await exportBytes(format, options, { ...context, signal, onProgress: report });
        return bytes;
      });
    },
    'report.progress': ({ jobId }) => jobs.progress(jobId),
    'report.cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
