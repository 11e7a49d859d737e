import { z } from 'zod';
import { QdcPreviewItem } from './theme';

/** What a .qdpx import did (or, previewed, would do): counts, and every thing it could not carry. */
export const QdpxImportReport = z.object({
  projectName: z.string(),
  origin: z.string().nullable(),
  themes: z.object({ added: z.number().int(), merged: z.number().int(), items: z.array(QdcPreviewItem) }),
  counts: z.object({
    engagements: z.number().int(),
    notes: z.number().int(),
    passages: z.number().int(),
    participants: z.number().int(),
    memos: z.number().int(),
    findings: z.number().int(),
  }),
  /** Passages whose start and end fall on word boundaries: how well positions were understood. */
  alignment: z.object({ aligned: z.number().int(), total: z.number().int() }),
  /** One sentence per kind of thing left out: never dropped silently. */
  notCarried: z.array(z.string()),
  /** How things were read or changed on the way in. */
  remarks: z.array(z.string()),
});
export type QdpxImportReport = z.infer<typeof QdpxImportReport>;

export const QdpxExportOptions = z
  .object({
    omitNotForQuotation: z.boolean().default(true),
    includeRealNames: z.boolean().default(false),
    qualifyNames: z.boolean().default(false),
  })
  .strict();

/** A name several themes share under different parents, with each one's path from the top ("Technology › Genomics"). */
export const SharedName = z.object({ name: z.string(), paths: z.array(z.string()) });
export type SharedName = z.infer<typeof SharedName>;
