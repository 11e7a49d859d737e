import type Database from 'better-sqlite3';
import type { MergeRecordRef, MergeReport } from '../../../shared/domain/merge';
import { documentAnchors } from '../../../shared/note/anchors';
import { trackedTable } from '../db/changeTracking';
import { anchorPassages } from '../services/passages';
import { mergeThemes } from '../services/themeRemoval';
import { versionTexts, withoutStamping } from '../store/changeLog';
import { readRow, recordIds, type Row } from '../store/mergeRows';
import { copySpeakers, renameSpeakerCodes } from '../store/noteSpeakers';
import { addReviewerIfMissing, listReviewers } from '../store/reviewers';
import { recordOverwrite } from '../store/mergeHistory';
import { writeMeta } from '../store/workspaceMeta';
import { applyRecords, planRecords, tombstonesToTake, type Outcome, type Side } from './mergeRecords';
import { settleNoteConflicts, type NoteCopy } from './noteConflicts';
import { deleteKeptAnyway } from './keptDecisions';
import { keepSpeakersOfKeptNotes } from './keptSpeakers';
import { keepNeededParents } from './parents';
import { documentSide, relabelNote } from './participantCodes';
import { recordLabel } from './labels';
import { PlanBook } from './planBook';
import { settleNames, settleNumbers, settlePositions, type Renaming, type Renumbering } from './uniqueness';

export interface MergeOptions {
  /** Combine each theme renamed for sharing a name under one parent with the theme that kept it (passages move). */
  combineThemes?: boolean;
  /** Records the merge keeps against a deletion that the person chose to delete anyway (keptDecisions.ts). */
  deleteAnyway?: readonly MergeRecordRef[];
}

interface Plan {
  book: PlanBook;
  renumbered: Renumbering[];
  renamed: Renaming[];
  noteCopies: NoteCopy[];
  /** Each number counter as the merge leaves it (uniqueness.ts settleNumbers). */
  counters: Map<string, number>;
  /** Notes whose speaker labels were rewritten: note id → codes old → new. */
  relabelled: Map<string, Map<string, string>>;
}

function plan(here: Database.Database, there: Database.Database): Plan {
  const book = new PlanBook(here, there, planRecords(here, there));
  const noteCopies = settleNoteConflicts(book);
  // What the merge keeps against a deletion comes before codes and names: a kept record takes part in both.
  // A kept note keeps its speakers, and a speaker the person they name: until nothing more is kept.
  while (keepNeededParents(book) || keepSpeakersOfKeptNotes(book));
  const { renumbered, counters } = settleNumbers(book);
  const renamed = settleNames(book);
  settlePositions(book);

  // Speaker labels in the notes whose text comes from a renumbered person's side.
  const relabelled = new Map<string, Map<string, string>>();
  if (renumbered.some((r) => r.table === 'participants')) {
    const relabel = (id: string, row: Row, side: Side) => {
      const copy = structuredClone(row);
      const codes = relabelNote(copy, renumbered, side);
      if (!codes) return;
      book.adjust('notes', id, String(copy.document), (r) => Object.assign(r, copy));
      relabelled.set(id, codes);
    };
    const written = book.outcomes.filter((o) => o.table === 'notes' && o.row);
    for (const id of recordIds(here, trackedTable('notes'))) {
      if (!book.outcomeOf('notes', id)) relabel(id, readRow(here, trackedTable('notes'), id)!, 'here');
    }
    for (const o of written) relabel(o.recordId, o.row!, documentSide(o));
  }
  return { book, renumbered, renamed, noteCopies, relabelled, counters };
}

function report({ book, renumbered, renamed, noteCopies }: Plan): MergeReport {
  const outcomes: readonly Outcome[] = book.outcomes;
  const counts: MergeReport['counts'] = { new: 0, changed: 0, conflicting: 0, deleted: 0, kept: 0 };
  const byTable: MergeReport['byTable'] = {};
  for (const o of outcomes) {
    counts[o.kind] += 1;
    const t = (byTable[o.table] ??= {});
    t[o.kind] = (t[o.kind] ?? 0) + 1;
  }
  const conflicts = outcomes
    .filter((o) => o.lost?.length)
    .map((o) => ({ table: o.table, recordId: o.recordId, label: recordLabel(o.table, o.recordId, o.row), columns: o.lost!.map((l) => l.column) }));
  // A record kept although one side deleted it comes from the side that still has it.
  const kept = outcomes
    .filter((o) => o.kind === 'kept')
    .map((o) => ({ table: o.table, recordId: o.recordId, label: recordLabel(o.table, o.recordId, o.row), deletedOn: o.origin === 'there' ? ('here' as const) : ('there' as const) }));
  return { counts, byTable, renumbered, renamed, noteCopies, conflicts, kept };
}

/**
 * The notes whose passages are re-anchored after the merge: those it writes, and those whose note or passages
 * this side holds differently from the other (newer here, or only here). Re-anchoring derives a passage's
 * speaker from its turn's label, so the set must be the same in either merge order: a person one side deleted
 * (their passages' speaker cleared) but the other kept must get their passages back on both sides.
 */
function notesToReanchor(here: Database.Database, there: Database.Database, outcomes: readonly Outcome[]): Set<string> {
  const touched = new Set<string>();
  for (const o of outcomes) {
    if (o.table === 'notes' && o.row) touched.add(o.recordId);
    if (o.table === 'passages' && o.row) touched.add(String(o.row.note_id));
  }
  const heldDifferently = (table: string) => {
    const theirs = versionTexts(there, table);
    return [...versionTexts(here, table)].filter(([id, text]) => theirs.get(id) !== text).map(([id]) => id);
  };
  for (const id of heldDifferently('notes')) touched.add(id);
  // A speaker linked differently on the two sides: that note's turns follow the merged link.
  for (const id of heldDifferently('note_speakers')) touched.add(String((JSON.parse(id) as [string, string])[0]));
  for (const id of heldDifferently('passages')) {
    const passage = readRow(here, trackedTable('passages'), id);
    if (passage) touched.add(String(passage.note_id));
  }
  return touched;
}

/** What merging `there` into `here` would do. Reads only. */
export function previewMerge(here: Database.Database, there: Database.Database): MergeReport {
  return report(plan(here, there));
}

/**
 * Merge `there` (a merge pack, opened read-only) into `here` in one
 * transaction: records, tombstones, the codes, numbers and names the merge
 * settled, then every touched note's passages re-anchored to its merged text;
 * themes of one name under one parent combined when asked.
 */
export function mergeInto(here: Database.Database, there: Database.Database, options: MergeOptions = {}): MergeReport {
  return here.transaction(() => {
    const settled = plan(here, there);
    const { outcomes } = settled.book;
    // Whoever made or changed a record there is named by it here (records point at reviewers).
    for (const reviewer of listReviewers(there)) addReviewerIfMissing(here, reviewer);
    applyRecords(here, outcomes, tombstonesToTake(here, there));
    // The values that lost go to the records' history (a note's other text is its conflict copy).
    const mergedAt = new Date().toISOString();
    for (const o of outcomes) {
      for (const l of o.lost ?? []) {
        if (o.table === 'notes' && l.column === 'document') continue;
        recordOverwrite(here, { table: o.table, recordId: o.recordId, column: l.column, value: l.value, keptValue: l.kept, changedBy: l.by, changedAt: l.at, mergedAt });
      }
    }
    // Counters never go backwards: a number either side ever gave, or this merge gave in renumbering, is never given
    // again — not even after the record holding it is deleted (the other laptop may still hold it).
    for (const [key, highest] of settled.counters) if (highest > 0) writeMeta(here, key, String(highest));
    // The relabelled notes' speakers take their new codes, still linked to whom they were. Stamped as
    // this merge's change: the old code's row leaves a tombstone, so merging the pack again never brings it back.
    for (const [noteId, codes] of settled.relabelled) renameSpeakerCodes(here, noteId, codes);
    for (const copy of settled.noteCopies) copySpeakers(here, copy.noteId, copy.copyId);
    const touched = notesToReanchor(here, there, outcomes);
    withoutStamping(here, () => {
      for (const noteId of touched) {
        const note = readRow(here, trackedTable('notes'), noteId);
        if (note) anchorPassages(here, noteId, documentAnchors(String(note.document)));
      }
    });
    const result = report(settled);
    if (options.combineThemes) {
      for (const r of settled.renamed) if (r.table === 'themes') mergeThemes(here, r.recordId, r.keptBy);
    }
    const deleted = new Set(deleteKeptAnyway(here, outcomes, options.deleteAnyway ?? []).map((r) => `${r.table} ${r.recordId}`));
    for (const k of result.kept) k.decision = deleted.has(`${k.table} ${k.recordId}`) ? 'deleted' : 'kept';
    return result;
  })();
}
