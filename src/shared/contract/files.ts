import { z } from 'zod';
import {
  Attachment,
  FileName,
  MAX_ATTACHMENT_BYTES,
  MAX_CHUNK_BASE64,
  MAX_CHUNK_BYTES,
  MediaType,
  UploadPurpose,
} from '../domain/files';
import { NoteSummary } from '../domain/note';
import { SavedFile, SaveTarget } from './fileOut';
import { method } from './method';

const Id = z.string().min(1).max(100);
const UploadId = z.string().min(1).max(100);

/**
 * Uploads from the renderer, imports of notes, and attachments (issue 3).
 * The renderer is sandboxed (no paths, no Node), so a file reaches the core
 * as numbered base64 chunks into a temporary upload, which one import or
 * attachment then consumes.
 */
export const fileMethods = {
  'uploads.begin': method({
    input: z
      .object({
        fileName: FileName,
        // The real limit depends on the purpose; the core names the file and the limit when refusing.
        size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        mediaType: MediaType,
        purpose: UploadPurpose,
      })
      .strict(),
    output: z.object({ uploadId: z.string(), maxChunkBytes: z.number().int() }),
    doc: 'Start sending a file; refused at once if it is larger than its purpose allows.',
  }),
  'uploads.chunk': method({
    input: z
      .object({
        uploadId: UploadId,
        /** 0, 1, 2… in order; a gap or a repeat is refused. */
        index: z.number().int().nonnegative(),
        dataBase64: z
          .string()
          .max(MAX_CHUNK_BASE64, `A chunk may hold at most ${MAX_CHUNK_BYTES / (1024 * 1024)} MB.`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The chunk was not base64.'),
      })
      .strict(),
    output: z.object({ received: z.number().int(), complete: z.boolean() }),
    doc: 'Send the next piece of an upload.',
  }),
  'uploads.cancel': method({
    input: z.object({ uploadId: UploadId }).strict(),
    output: z.null(),
    doc: 'Abandon an upload and delete what was received (nothing happens if it is already gone).',
  }),

  'imports.note': method({
    input: z.object({ uploadId: UploadId, engagementId: Id }).strict(),
    output: z.object({ notes: z.array(NoteSummary) }),
    doc: 'Read a completed upload (.docx, .txt, .md or .pdf) into new notes of an engagement, all or nothing.',
  }),

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
