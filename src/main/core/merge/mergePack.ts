import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MergeReport } from '../../../shared/domain/merge';
import { documentAnchors } from '../../../shared/note/anchors';
import { trackedTable } from '../db/changeTracking';
import { anchorPassages } from '../services/passages';
import { getStamp, withoutStamping } from '../store/changeLog';
import { readRow, recordIds, type Row } from '../store/mergeRows';
import { addReviewerIfMissing, listReviewers } from '../store/reviewers';
import { readMeta, writeMeta } from '../store/workspaceMeta';
import { applyRecords, planRecords, tombstonesToTake, type Outcome } from './mergeRecords';
import { documentSide, relabelNote, renumberings, type Renumbering } from './participantCodes';

const PARTICIPANT_NUMBER_KEY = 'participants.last_number';

/** An entry for a change the merge itself makes, the same in either merge order. */
const mergeEntry = (...parts: string[]): string => `merge-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12)}`;

function plan(here: Database.Database, there: Database.Database): { outcomes: Outcome[]; renumbered: Renumbering[] } {
  const outcomes = planRecords(here, there);
  const byKey = new Map(outcomes.map((o) => [`${o.table}\u0000${o.recordId}`, o]));
  const outcomeOf = (table: string, id: string) => byKey.get(`${table}\u0000${id}`);

  // Everyone after the merge, each with the side their record comes from.
  const participants = trackedTable('participants');
  const hereRows: Row[] = [];
  const incoming: { row: Row; side: 'here' | 'there' }[] = [];
  for (const id of recordIds(here, participants)) {
    const o = outcomeOf('participants', id);
    if (o?.kind === 'deleted') continue;
    if (o?.row) incoming.push({ row: o.row, side: o.origin ?? 'here' });
    else hereRows.push(readRow(here, participants, id)!);
  }
  for (const o of outcomes) if (o.table === 'participants' && o.origin === 'there') incoming.push({ row: o.row!, side: 'there' });
  const highestEver = Math.max(Number(readMeta(here, PARTICIPANT_NUMBER_KEY) ?? 0), Number(readMeta(there, PARTICIPANT_NUMBER_KEY) ?? 0));
  const renumbered = renumberings(hereRows, incoming, highestEver);
  for (const r of renumbered) {
    let o = outcomeOf('participants', r.participantId);
    if (!o) {
      const row = hereRows.find((p) => p.id === r.participantId)!;
      o = { table: 'participants', recordId: r.participantId, kind: 'changed', row, stamp: getStamp(here, 'participants', r.participantId)! };
      outcomes.push(o);
      byKey.set(`participants\u0000${r.participantId}`, o);
    }
    o.stamp = { ...o.stamp!, versions: { ...o.stamp!.versions, [mergeEntry(r.participantId, r.to)]: 1 } };
  }

  // Speaker labels in the notes whose text comes from a renumbered person's side.
  if (renumbered.length) {
    const notes = trackedTable('notes');
    for (const id of recordIds(here, notes)) {
      if (outcomeOf('notes', id)) continue;
      const row = readRow(here, notes, id)!;
      if (relabelNote(row, renumbered, 'here')) {
        const stamp = getStamp(here, 'notes', id)!;
        outcomes.push({ table: 'notes', recordId: id, kind: 'changed', row, stamp: { ...stamp, versions: { ...stamp.versions, [mergeEntry(id, String(row.document))]: 1 } } });
      }
    }
    for (const o of outcomes) {
      if (o.table !== 'notes' || !o.row || o.stamp?.versions === undefined) continue;
      if (relabelNote(o.row, renumbered, documentSide(o))) o.stamp = { ...o.stamp, versions: { ...o.stamp.versions, [mergeEntry(o.recordId, String(o.row.document))]: 1 } };
    }
  }
  return { outcomes, renumbered };
}

/** How a person recognises a record in a preview: its title, name, code or opening words. */
function recordLabel(table: string, recordId: string, row: Row | undefined): string {
  for (const column of ['title', 'name', 'code', 'statement', 'text', 'file_name', 'plain_text', 'quoted_text']) {
    const value = row?.[column];
    if (typeof value === 'string' && value.trim()) {
      const text = value.replace(/\s+/g, ' ').trim();
      return text.length > 60 ? `${text.slice(0, 59)}…` : text;
    }
  }
  return `${table} ${recordId}`;
}

function report(outcomes: readonly Outcome[], renumbered: Renumbering[]): MergeReport {
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
  return { counts, byTable, renumbered, conflicts, kept };
}

/** What merging `there` into `here` would do. Reads only. */
export function previewMerge(here: Database.Database, there: Database.Database): MergeReport {
  const { outcomes, renumbered } = plan(here, there);
  return report(outcomes, renumbered);
}

/**
 * Merge `there` (a merge pack, opened read-only) into `here` in one
 * transaction: records, tombstones, renumbered participants and their speaker
 * labels, then every touched note's passages re-anchored to its merged text.
 */
export function mergeInto(here: Database.Database, there: Database.Database): MergeReport {
  return here.transaction(() => {
    const { outcomes, renumbered } = plan(here, there);
    // Whoever made or changed a record there is named by it here (records point at reviewers).
    for (const reviewer of listReviewers(there)) addReviewerIfMissing(here, reviewer);
    applyRecords(here, outcomes, tombstonesToTake(here, there));
    const highest = Math.max(
      Number(readMeta(here, PARTICIPANT_NUMBER_KEY) ?? 0),
      Number(readMeta(there, PARTICIPANT_NUMBER_KEY) ?? 0),
      ...renumbered.map((r) => Number(r.to.slice(1))),
    );
    if (highest > 0) writeMeta(here, PARTICIPANT_NUMBER_KEY, String(highest));
    const touched = new Set<string>();
    for (const o of outcomes) {
      if (o.table === 'notes' && o.row) touched.add(o.recordId);
      if (o.table === 'passages' && o.row) touched.add(String(o.row.note_id));
    }
    withoutStamping(here, () => {
      for (const noteId of touched) {
        const note = readRow(here, trackedTable('notes'), noteId);
        if (note) anchorPassages(here, noteId, documentAnchors(String(note.document)));
      }
    });
    return report(outcomes, renumbered);
  })();
}
