import { z } from 'zod';
import { hasLoneSurrogate } from '../rpc/brokenText';

export const WORKSPACE_EXTENSION = '.fieldnotes';

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  /** Encrypted at rest with a passphrase. */
  encrypted: z.boolean().optional(),
  /** What opening did that the reviewer should hear about (a recovery log applied, no backup possible). */
  notice: z.string().nullable().optional(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const RecentWorkspace = z.object({
  /** How the page names a recent workspace: the core keeps the path (the page may show it, never send it). */
  id: z.string(),
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;


/**
 * A file path from the user; the core resolves and checks it. A NUL would cut
 * the path short at the operating system (a stray file named after the part
 * before it), so such paths are refused here with a sentence.
 */
export const FilePath = z
  .string()
  .trim()
  .min(1, 'Choose a file.')
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A file path cannot contain a NUL character. Type the path again.')
  .refine((path) => !hasLoneSurrogate(path), 'This file path holds a broken character (a lone surrogate) no disk can store. Type the path again.');
