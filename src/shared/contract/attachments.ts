import { z } from 'zod';
import { Attachment, MAX_ATTACHMENT_BYTES, MAX_CHUNK_BYTES } from '../domain/files';
import { SavedFile, SaveTarget } from './fileOut';
import { method, Id } from './method';
import { UploadId } from './uploads';

/** Photos of flip charts and other files kept inside the workspace, with an engagement (issue 3). */
export const attachmentMethods = {
  'attachments.add': method({
    input: z.object({ uploadId: UploadId, engagementId: Id }).strict(),
    output: Attachment,
    doc: `Store a completed upload inside the workspace as an attachment (at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB).`,
  }),
  'attachments.list': method({
    input: z.object({ engagementId: Id }).strict(),
    output: z.array(Attachment),
    doc: 'The attachments of an engagement, oldest first (without their contents).',
  }),
  'attachments.remove': method({
    input: z.object({ id: Id }).strict(),
    output: z.null(),
    doc: 'Delete an attachment from the workspace.',
  }),
  'attachments.read': method({
    input: z
      .object({
        id: Id,
        offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        length: z.number().int().positive().max(MAX_CHUNK_BYTES),
      })
      .strict(),
    output: z.object({ dataBase64: z.string(), size: z.number().int() }),
    doc: 'A piece of an attachment’s contents, for a preview or a download in the window.',
  }),
  'attachments.export': method({
    /** In the desktop app the path always comes from the save dialog the core opens; `path` is for hosts without one. */
    input: z.object({ id: Id, ...SaveTarget }).strict(),
    output: SavedFile,
    doc: 'Write a copy of an attachment to a file the person chooses; null if they cancelled.',
  }),
} as const;
