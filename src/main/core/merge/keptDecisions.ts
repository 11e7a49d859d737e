import type Database from 'better-sqlite3';
import type { MergeRecordRef } from '../../../shared/domain/merge';
import { FieldnotesError } from '../../../shared/rpc/result';
import { trackedTable } from '../db/changeTracking';
import { deleteEngagement } from '../services/engagements';
import { deleteFinding } from '../services/findings';
import { deleteNote } from '../services/notes';
import { deleteParticipant } from '../services/participants';
import { deletePassage } from '../services/passages';
import { deleteTheme } from '../services/themeRemoval';
import { deleteRow, readRow } from '../store/mergeRows';
import type { Outcome } from './mergeRecords';

/**
 * A record deleted on one laptop but changed on the other afterwards is kept by
 * the merge and listed (issue 10: "otherwise the merge asks"). The person
 * answers for each: keep it (nothing more to do: it has seen the deletion, so
 * no later merge asks again) or delete it anyway. "Delete anyway" is the
 * person's own deletion, made after the merge in the same transaction with
 * stamping on: its tombstone covers every change either side made, so the
 * next merge with either laptop deletes it there too. It goes through the
 * domain's own deletion where there is one, so its clean-ups are the usual
 * ones (a theme's sub-themes move up, its only-tagged passages go).
 */

const DELETIONS: Record<string, (db: Database.Database, id: string) => void> = {
  engagements: deleteEngagement,
  notes: deleteNote,
  participants: deleteParticipant,
  themes: (db, id) => void deleteTheme(db, id),
  passages: deletePassage,
  findings: deleteFinding,
};

/** Delete anyway the kept records named; each must be one this merge kept. Returns those deleted (some may have gone with a parent). */
export function deleteKeptAnyway(db: Database.Database, outcomes: readonly Outcome[], chosen: readonly MergeRecordRef[]): MergeRecordRef[] {
  const kept = new Set(outcomes.filter((o) => o.kind === 'kept').map((o) => `${o.table} ${o.recordId}`));
  for (const r of chosen) {
    if (!kept.has(`${r.table} ${r.recordId}`)) {
      throw new FieldnotesError('INVALID_INPUT', 'A record chosen for “Delete anyway” is not one this merge kept against a deletion. Preview the merge again.');
    }
  }
  const deleted: MergeRecordRef[] = [];
  for (const r of chosen) {
    const spec = trackedTable(r.table);
    if (!readRow(db, spec, r.recordId)) continue; // went with a parent deleted just before
    const remove = DELETIONS[r.table];
    if (remove) remove(db, r.recordId);
    else deleteRow(db, spec, r.recordId);
    deleted.push(r);
  }
  return deleted;
}
