import { z } from 'zod';

/** One automatic (or by-hand) backup of a workspace, as listed: when, why, and what it holds. */
export const BackupSummary = z.object({
  /** The backup's file name in the workspace's backup folder: how the page names it. */
  name: z.string(),
  takenAt: z.string(),
  reason: z.string(),
  bytes: z.number(),
  /** Rows per table: engagements, participants, notes, themes, passages. */
  counts: z.record(z.string(), z.number()),
});
export type BackupSummary = z.infer<typeof BackupSummary>;
