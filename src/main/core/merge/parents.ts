import { TRACKED_TABLES, trackedTable } from '../db/changeTracking';
import { getStamp, getTombstone } from '../store/changeLog';
import { foreignKeys, readRow, recordIdOf, rowsWhere } from '../store/mergeRows';
import type { PlanBook } from './planBook';
import { keptAgainst } from './vectors';

/**
 * A record one side deleted that the other still needs (issue 10): an
 * engagement deleted on one laptop while a note was added to it on the other.
 * Deleting it would take the new note with it (ON DELETE CASCADE) or leave it
 * pointing nowhere; so the parent is kept, marked as having seen the
 * deletion (vectors.ts keptAgainst), and listed as kept for the
 * person to decide. Repeated until no kept record needs another. Returns
 * whether it kept anything.
 *
 * ON DELETE SET NULL links count too (a note's speaker, a passage's): the
 * deleting laptop's own links were set to null, seen by its deletion, so they
 * need nothing; but a link the other laptop made or changed meanwhile names
 * someone who spoke, and would arrive pointing at nobody.
 */
export function keepNeededParents(book: PlanBook): boolean {
  let kept = false;
  const links = TRACKED_TABLES.flatMap((spec) =>
    foreignKeys(book.here, spec.table)
      .filter((fk) => TRACKED_TABLES.some((t) => t.table === fk.parent && t.key.length === 1))
      .map((fk) => ({ child: spec.table, column: fk.column, parent: fk.parent })),
  );
  for (let changed = true; changed; kept ||= changed) {
    changed = false;
    for (const link of links) {
      // A parent the merge would delete here, while a child here stays or a child arrives.
      for (const o of book.outcomes.filter((x) => x.table === link.parent && x.kind === 'deleted')) {
        if (!needed(book, link, o.recordId)) continue;
        const tomb = getTombstone(book.there, link.parent, o.recordId);
        const stamp = getStamp(book.here, link.parent, o.recordId)!;
        o.kind = 'kept';
        o.origin = 'here';
        o.row = readRow(book.here, trackedTable(link.parent), o.recordId)!;
        o.stamp = { ...stamp, versions: keptAgainst(stamp.versions, tomb) };
        changed = true;
      }
      // A parent deleted here that an arriving child points at: it comes back from there.
      for (const o of book.outcomes.filter((x) => x.table === link.child && x.row)) {
        const parentId = o.row![link.column];
        if (parentId === null || parentId === undefined) continue;
        const id = String(parentId);
        if (book.outcomeOf(link.parent, id) || readRow(book.here, trackedTable(link.parent), id)) continue;
        const row = readRow(book.there, trackedTable(link.parent), id);
        const stamp = getStamp(book.there, link.parent, id);
        if (!row || !stamp) continue;
        const tomb = getTombstone(book.here, link.parent, id);
        book.add({ table: link.parent, recordId: id, kind: 'kept', origin: 'there', row, stamp: { ...stamp, versions: keptAgainst(stamp.versions, tomb) } });
        changed = true;
      }
    }
  }
  return kept;
}

/** Does a record that stays after the merge point at this parent? */
function needed(book: PlanBook, link: { child: string; column: string }, parentId: string): boolean {
  const childSpec = trackedTable(link.child);
  for (const row of rowsWhere(book.here, childSpec, link.column, parentId)) {
    const id = recordIdOf(childSpec, row);
    const o = book.outcomeOf(link.child, id);
    if (!o || (o.row && o.row[link.column] === parentId)) return true;
  }
  return book.outcomes.some((o) => o.table === link.child && o.row && o.row[link.column] === parentId);
}
