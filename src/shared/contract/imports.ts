import { z } from 'zod';
import { NoteSummary } from '../domain/note';
import { Id, method } from './method';
import { UploadId } from './uploads';

/** Existing material read into notes: .docx, .txt/.md transcripts, PDF submissions (issue 3). */
export const importMethods = {
  'imports.note': method({
    input: z.object({ uploadId: UploadId, engagementId: Id }).strict(),
    output: z.object({
      notes: z.array(NoteSummary),
      /** The speaker codes of the new notes: those linked to a participant, and those no participant has (unknown). */
      speakers: z.object({ linked: z.array(z.string()), unknown: z.array(z.string()) }),
    }),
    doc: 'Read a completed upload (.docx, .txt, .md or .pdf) into new notes of an engagement, all or nothing.',
  }),
} as const;
