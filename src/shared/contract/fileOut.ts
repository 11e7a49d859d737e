import { z } from 'zod';
import { FilePath } from '../domain/workspace';

/**
 * Where an export writes, the same for every export (codebook, attachments,
 * later reports and exchange files). In the desktop app the core asks its
 * save dialog and ignores `path`: a page must never name a file to write.
 * Hosts without dialogs (the loopback host, tests) take the typed path, and
 * refuse to replace a file unless `overwrite` says so.
 */
export const SaveTarget = {
  path: FilePath.optional(),
  overwrite: z.boolean().optional(),
};
/** `SaveTarget` as a handler receives it, for the helpers that take it on (core/files/saveAs.ts). */
export type SaveTarget = z.output<z.ZodObject<typeof SaveTarget>>;

/** Where the file went; null when the person cancelled the save dialog. */
export const SavedFile = z.object({ path: z.string(), size: z.number().int() }).nullable();
