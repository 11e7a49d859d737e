import { z } from 'zod';
import { MergePackInfo, MergeRecordRef, MergeReport } from '../domain/merge';
import { SavedFile, SaveTarget } from './fileOut';
import { method } from './method';

/** Several reviewers' workspaces brought into one (issue 10): merge packs out, and merged in after a preview. */
export const mergeMethods = {
  'merge.sendPack': method({
    input: z.object({ ...SaveTarget }).strict(),
    output: SavedFile,
    doc: 'Write a merge pack of the open workspace (a consistent copy, VACUUM INTO) through the one file-out path; null if cancelled.',
  }),
  'merge.preview': method({
    input: z.object({ uploadId: z.string().min(1).max(100) }).strict(),
    output: z.object({ previewId: z.string(), pack: MergePackInfo, report: MergeReport }),
    doc: 'Read an uploaded merge pack and say what merging it would do — new, changed, changed on both sides, deleted — changing nothing.',
  }),
  'merge.run': method({
    input: z
      .object({ previewId: z.string().min(1).max(100), combineThemes: z.boolean().optional(), deleteAnyway: z.array(MergeRecordRef).max(10_000).optional() })
      .strict(),
    output: z.object({ report: MergeReport, backup: z.string() }),
    doc: 'Merge the previewed pack into the open workspace in one transaction, after a verified backup (named in the answer); records kept against a deletion that are named in deleteAnyway are deleted.',
  }),
  'merge.discard': method({
    input: z.object({ previewId: z.string().min(1).max(100) }).strict(),
    output: z.null(),
    doc: 'Forget a previewed pack without merging it.',
  }),
} as const;
