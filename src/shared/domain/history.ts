import { z } from 'zod';

/** A value a merge overwrote (issue 10): the losing side of a field both laptops changed apart. */
export const HistoryEntry = z.object({
  id: z.string(),
  column: z.string(),
  /** The value that lost, and the one the merge kept, as text to show. */
  value: z.string(),
  keptValue: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
  mergedAt: z.string(),
  restoredAt: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const RecordRef = z.object({ table: z.string().min(1).max(60), recordId: z.string().min(1).max(400) });
export type RecordRef = z.infer<typeof RecordRef>;

export const RecordWithHistory = RecordRef.extend({ label: z.string(), kind: z.string(), entries: z.number().int(), lastMergedAt: z.string() });
export type RecordWithHistory = z.infer<typeof RecordWithHistory>;

/** A column as a person reads it: "definition", "staff group". */
export const fieldLabel = (column: string): string => column.replace(/_id$/, '').replace(/_/g, ' ');
