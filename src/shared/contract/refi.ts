import { z } from 'zod';
import { QdpxExportOptions, QdpxImportReport, SharedName } from '../domain/refi';
import { FilePath } from '../domain/workspace';
import { method } from './method';

const ExportCounts = z.object({
  themes: z.number().int(),
  sources: z.number().int(),
  passages: z.number().int(),
  memos: z.number().int(),
  participants: z.number().int(),
  sets: z.number().int(),
});

/** Whole projects in and out as REFI-QDA .qdpx, for NVivo, ATLAS.ti, MAXQDA and QualCoder (issue 9). */
export const refiMethods = {
  'refi.exportCheck': method({
    input: z.object({}).strict(),
    output: z.object({ sharedNames: z.array(SharedName) }),
    doc: 'Before exporting: theme names shared under different parents, which some tools would drop.',
  }),
  'refi.export': method({
    /** In the desktop app the path comes from the save dialog the core opens; `path` is for hosts without one. */
    input: z.object({ options: QdpxExportOptions, path: FilePath.optional(), overwrite: z.boolean().optional() }).strict(),
    output: z.object({ path: z.string(), counts: ExportCounts, leftOut: z.array(z.string()) }).nullable(),
    doc: 'Write the workspace as a .qdpx project to a file the person chooses; null if they cancelled.',
  }),
  'refi.preview': method({
    input: z.object({ uploadId: z.string().min(1).max(100) }).strict(),
    output: z.object({ previewId: z.string(), report: QdpxImportReport }),
    doc: 'Read an uploaded .qdpx and say what importing it into the open workspace would add, changing nothing.',
  }),
  'refi.import': method({
    input: z.object({ previewId: z.string().min(1).max(100) }).strict(),
    output: QdpxImportReport,
    doc: 'Import the previewed .qdpx into the open workspace in one transaction, and report what was and was not carried.',
  }),
} as const;
