import { z } from 'zod';
import { exportFileName } from './files';

/**
 * What merging a colleague's workspace (a merge pack) does, or would do (issue 10).
 * Counted per record: new (only in the pack), changed (the pack's is newer),
 * conflicting (changed on both sides apart: merged field by field, the losing
 * values listed), deleted (deleted in the pack after its last change here),
 * kept (deleted on one side but changed on the other since: kept, to decide).
 */
export const MergeKind = z.enum(['new', 'changed', 'conflicting', 'deleted', 'kept']);
export type MergeKind = z.infer<typeof MergeKind>;

const KindCounts = z.object({ new: z.number().int(), changed: z.number().int(), conflicting: z.number().int(), deleted: z.number().int(), kept: z.number().int() });

export const MergeReport = z.object({
  counts: KindCounts,
  /** Per table (engagements, notes, themes, …): how many of each kind. */
  byTable: z.record(z.string(), KindCounts.partial()),
  /** Codes and numbers two laptops gave to different records (P014, F12, R3): the later-entered one renumbered. */
  renumbered: z.array(z.object({ table: z.string(), recordId: z.string(), side: z.enum(['here', 'there']), from: z.string(), to: z.string() })),
  /** Names two laptops gave to different records in one place ("Equity (2)"); themes among them can be combined. */
  renamed: z.array(z.object({ table: z.string(), recordId: z.string(), from: z.string(), to: z.string(), keptBy: z.string() })),
  /** Notes both sides edited apart: the other version kept as a conflict copy beside the note. */
  noteCopies: z.array(z.object({ noteId: z.string(), copyId: z.string(), title: z.string() })),
  /** Records both sides changed apart, and the columns where one side's value lost. */
  conflicts: z.array(z.object({ table: z.string(), recordId: z.string(), label: z.string(), columns: z.array(z.string()) })),
  /**
   * Records deleted on one side but changed on the other after it: kept unless the person chooses "Delete
   * anyway" (after a merge, `decision` says which they chose).
   */
  kept: z.array(
    z.object({ table: z.string(), recordId: z.string(), label: z.string(), deletedOn: z.enum(['here', 'there']), decision: z.enum(['kept', 'deleted']).optional() }),
  ),
});
export type MergeReport = z.infer<typeof MergeReport>;

/** The pack a preview was made from, as the person recognises it. */
export const MergePackInfo = z.object({
  fileName: z.string(),
  /** The workspace's own name inside the pack. */
  name: z.string(),
  /** Who has worked in it (reviewers recorded in the pack). */
  reviewers: z.array(z.string()),
});
export type MergePackInfo = z.infer<typeof MergePackInfo>;

/** Tables in the order a person reads them, with their names in the preview. */
export const MERGE_TABLE_LABELS: Record<string, string> = {
  engagement_types: 'Engagement types',
  engagements: 'Engagements',
  participant_attributes: 'Participant attributes',
  participants: 'Participants',
  participant_attribute_values: 'Attribute values',
  engagement_participants: 'People at engagements',
  notes: 'Notes',
  attachments: 'Attachments',
  themes: 'Themes',
  passages: 'Passages',
  passage_themes: 'Tags',
  findings: 'Findings',
  finding_themes: 'Findings’ themes',
  finding_passages: 'Findings’ evidence',
  recommendation_groups: 'Recommendation groups',
  recommendations: 'Recommendations',
  recommendation_findings: 'Recommendations’ findings',
  matrix_summaries: 'Cell summaries',
};

export const mergeTableLabel = (table: string): string => MERGE_TABLE_LABELS[table] ?? table.replace(/_/g, ' ');

/** "3 new, 1 changed" — the kinds that occur, in a fixed order. */
const KIND_WORDS: Record<MergeKind, string> = { new: 'new', changed: 'changed', conflicting: 'changed on both sides', deleted: 'deleted', kept: 'kept although deleted' };

export function describeKinds(counts: Partial<Record<MergeKind, number>>): string {
  const parts = MergeKind.options.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${KIND_WORDS[k]}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

/** "Topol review for merging AL 2026-12-01.fieldnotes": whose week it is, and when it was sent. */
export const mergePackFileName = (workspaceName: string, initials: string, day: string): string =>
  exportFileName(workspaceName, `for merging ${initials} ${day}.fieldnotes`.replace(/\s+/g, ' '), `For merging ${day}.fieldnotes`);

/** A record named in a merge's answer, e.g. one chosen for "Delete anyway". */
export const MergeRecordRef = z.object({ table: z.string().min(1).max(60), recordId: z.string().min(1).max(400) }).strict();
export type MergeRecordRef = z.infer<typeof MergeRecordRef>;
