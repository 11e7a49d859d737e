import { trackedTable } from '../db/changeTracking';
import { getStamp, getTombstone } from '../store/changeLog';
import { readRow } from '../store/mergeRows';
import type { PlanBook } from './planBook';
import { keptAgainst } from './vectors';

/**
 * A note kept against the other laptop's deletion keeps its speakers (store/noteSpeakers.ts): there they
 * went with the note (a cascade), not by anyone's choice. Each is kept as having seen that deletion, so no
 * later merge deletes or asks about it; a row the other side renamed or dropped itself still goes.
 */
export function keepSpeakersOfKeptNotes(book: PlanBook): void {
  for (const o of book.outcomes) {
    if (o.table !== 'note_speakers' || o.kind !== 'deleted') continue;
    const [noteId] = JSON.parse(o.recordId) as [string, string];
    if (book.outcomeOf('notes', noteId)?.kind !== 'kept') continue;
    const stamp = getStamp(book.here, o.table, o.recordId);
    const row = readRow(book.here, trackedTable(o.table), o.recordId);
    if (!stamp || !row) continue;
    o.kind = 'changed';
    o.row = row;
    o.stamp = { ...stamp, versions: keptAgainst(stamp.versions, getTombstone(book.there, o.table, o.recordId)) };
  }
}
