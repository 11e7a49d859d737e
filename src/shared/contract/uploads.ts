import { z } from 'zod';
import { FileName, MAX_CHUNK_BASE64, MAX_CHUNK_BYTES, MediaType, UploadPurpose } from '../domain/files';
import { method } from './method';

/** An upload in progress, named by the core. */
export const UploadId = z.string().min(1).max(100);

/**
 * Files on their way into the core (issue 3). The renderer is sandboxed (no paths, no Node), so a file reaches the
 * core as numbered base64 chunks into a temporary upload, which one import, attachment or project import then
 * consumes.
 */
export const uploadMethods = {
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
} as const;
