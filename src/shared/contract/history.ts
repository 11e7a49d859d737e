import { z } from 'zod';
import { HistoryEntry, RecordRef, RecordWithHistory } from '../domain/history';
import { method } from './method';

/** What merges overwrote, per record, shown and restorable (issue 10). */
export const historyMethods = {
  'history.list': method({
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.array(RecordWithHistory),
    doc: 'The records a merge overwrote a value of, most recent first.',
  }),
  'history.get': method({
    input: RecordRef.strict(),
    output: z.object({ label: z.string(), kind: z.string(), entries: z.array(HistoryEntry) }),
    doc: 'One record’s overwritten values: the losing side of each field both laptops changed apart.',
  }),
  'history.restore': method({
    input: z.object({ entryId: z.string().min(1).max(100) }).strict(),
    output: HistoryEntry,
    doc: 'Put an overwritten value back into its record; the value it replaces goes to the history in turn.',
  }),
} as const;
