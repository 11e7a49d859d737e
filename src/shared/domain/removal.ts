import { z } from 'zod';

/**
 * What deleting notes (one note, or an engagement's) takes with it, said before it is done (issue 11).
 * Findings are never deleted with evidence: they keep the quoted text, shown as deleted (issue 8).
 */
export const RemovalPreview = z.object({
  notes: z.number().int(),
  words: z.number().int(),
  /** Tagged passages in those notes: deleted with them. */
  passages: z.number().int(),
  /** Findings citing any of those passages, and how many of the passages they cite. */
  findings: z.number().int(),
  citedPassages: z.number().int(),
  /** Engagement only: its attachments (deleted) and the participants linked to it (they stay, unlinked). */
  attachments: z.number().int(),
  participants: z.number().int(),
});
export type RemovalPreview = z.infer<typeof RemovalPreview>;
