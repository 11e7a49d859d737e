import { trackedTable } from '../db/changeTracking';
import { getStamp, getTombstone } from '../store/changeLog';
import { readRow, rowsWhere } from '../store/mergeRows';
import type { PlanBook } from './planBook';
import { keptAgainst } from './vectors';

const SPEAKERS = 'note_speakers';
const recordIdOf = (row: { note_id: unknown; code: unknown }) => JSON.stringify([String(row.note_id), String(row.code)]);

/**
 * A note kept against the other laptop's deletion keeps its speakers (store/noteSpeakers.ts): where the note was
 * deleted they went with it (a cascade), not by anyone's choice. Each is kept as having seen that deletion, so no
 * later merge deletes or asks about it; a row the other side renamed or dropped itself still goes. Both merge
 * orders must end alike: the note may be kept here (its speakers here, the other side's tombstones over them)
 * or come back from there (its speakers there, this side's tombstones over them). Returns whether it kept any.
 */
export function keepSpeakersOfKeptNotes(book: PlanBook): boolean {
  const spec = trackedTable(SPEAKERS);
  let kept = false;
  for (const o of book.outcomes) {
    if (o.table !== SPEAKERS || o.kind !== 'deleted') continue;
    const [noteId] = JSON.parse(o.recordId) as [string, string];
    if (book.outcomeOf('notes', noteId)?.kind !== 'kept') continue;
    const stamp = getStamp(book.here, o.table, o.recordId);
    const row = readRow(book.here, spec, o.recordId);
    if (!stamp || !row) continue;
    o.kind = 'changed';
    o.row = row;
    o.stamp = { ...stamp, versions: keptAgainst(stamp.versions, getTombstone(book.there, o.table, o.recordId)) };
    kept = true;
  }
  const comingBack = book.outcomes.filter((o) => o.table === 'notes' && o.kind === 'kept' && o.origin === 'there');
  for (const note of comingBack) {
    for (const row of rowsWhere(book.there, spec, 'note_id', note.recordId)) {
      const recordId = recordIdOf(row as { note_id: unknown; code: unknown });
      if (book.outcomeOf(SPEAKERS, recordId) || readRow(book.here, spec, recordId)) continue;
      const tomb = getTombstone(book.here, SPEAKERS, recordId);
      const stamp = getStamp(book.there, SPEAKERS, recordId);
      if (!tomb || !stamp) continue;
      book.add({ table: SPEAKERS, recordId, kind: 'new', origin: 'there', row, stamp: { ...stamp, versions: keptAgainst(stamp.versions, tomb) } });
      kept = true;
    }
  }
  return kept;
}
