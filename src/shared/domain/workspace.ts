import { z } from 'zod';

export const WORKSPACE_EXTENSION = '.fieldnotes';

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
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

/** A file path from the user; the core resolves and checks it. */
export const FilePath = z.string().trim().min(1, 'Choose a file.').max(4096);
