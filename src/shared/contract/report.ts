import { z } from 'zod';
import { ExportProgress, PreExportCheck, ReportFormat, ReportOptions } from '../domain/report';
import { FilePath } from '../domain/workspace';
import { method } from './method';

const JobId = z.string().uuid('An export id is a UUID.');

/** The findings report and the evidence exports (issue 13). */
export const reportMethods = {
  'report.check': method({
    input: z.object({ format: ReportFormat, options: ReportOptions }).strict(),
    output: PreExportCheck,
    doc: 'What an export with these options would leave out and replace, and why; writes nothing.',
  }),
  'report.export': method({
    input: z
      .object({
        format: ReportFormat,
        options: ReportOptions,
        /** Only where the host has no native save dialog (loopback, tests): where to write. */
        path: FilePath.optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: ExportProgress.nullable(),
    doc: 'Start an export; the desktop app asks where to save it (null: the person cancelled the dialog).',
  }),
  'report.progress': method({
    input: z.object({ jobId: JobId }).strict(),
    output: ExportProgress,
    doc: 'How far an export has got, and where it was saved once done.',
  }),
  'report.cancel': method({
    input: z.object({ jobId: JobId }).strict(),
    output: ExportProgress,
    doc: 'Stop an export; no file is left behind.',
  }),
} as const;
