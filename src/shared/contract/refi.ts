import { z } from 'zod';
import { QdpxExportOptions, QdpxImportReport, SharedName } from '../domain/refi';
import { FilePath, WorkspaceInfo } from '../domain/workspace';
import { SaveTarget } from './fileOut';
import { method } from './method';

const ExportCounts = z.object({
  themes: z.number().int(),
  sources: z.number().int(),
  passages: z.number().int(),
  memos: z.number().int(),
  participants: z.number().int(),
  sets: z.number().int(),
  findings: z.number().int(),
});

const UploadId = z.string().min(1).max(100);

/** Whole projects in and out as REFI-QDA .qdpx, for NVivo, ATLAS.ti, MAXQDA and QualCoder (issue 9). */
export const refiMethods = {
  'refi.exportCheck': method({
    input: z.object({}).strict(),
    output: z.object({ sharedNames: z.array(SharedName) }),
    doc: 'Before exporting: theme names shared under different parents, which some tools would drop.',
  }),
  'refi.export': method({
    input: z.object({ options: QdpxExportOptions, ...SaveTarget }).strict(),
    output: z.object({ path: z.string(), size: z.number().int(), counts: ExportCounts, leftOut: z.array(z.string()) }).nullable(),
    doc: 'Write the workspace as a .qdpx project through the one file-out path (saveAs); null if the person cancelled.',
  }),
  'refi.preview': method({
    input: z.object({ uploadId: UploadId }).strict(),
    output: z.object({ previewId: z.string(), report: QdpxImportReport }),
    doc: 'Read an uploaded .qdpx and say what importing it into the open workspace would add, changing nothing.',
  }),
  'refi.import': method({
    input: z.object({ previewId: z.string().min(1).max(100) }).strict(),
    output: QdpxImportReport,
    doc: 'Import the previewed .qdpx into the open workspace in one transaction, and report what was and was not carried.',
  }),
  'refi.importNew': method({
    /** `path` is the loopback host's typed path; the desktop app asks its Save dialog and refuses a page's path. */
    input: z.object({ uploadId: UploadId, name: z.string().trim().min(1, 'Name the workspace.').max(200), path: FilePath.optional() }).strict(),
    output: z.object({ workspace: WorkspaceInfo, report: QdpxImportReport }).nullable(),
    doc: 'Create a workspace holding an uploaded .qdpx, built whole before it takes its name, and open it; null if the person cancelled.',
  }),
} as const;
