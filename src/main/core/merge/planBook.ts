import type Database from 'better-sqlite3';
import { trackedTable } from '../db/changeTracking';
import { getStamp } from '../store/changeLog';
import { readRow, recordIds, type Row } from '../store/mergeRows';
import type { Outcome, Side } from './mergeRecords';
import { joinVectors, mergeEntry } from './vectors';

/** A record as it will be after the merge, and the side it comes from. */
export interface RecordAfter {
  id: string;
  row: Row;
  side: Side;
}

/**
 * The plan of a merge while it is settled: the record-by-record outcomes
 * (mergeRecords.ts), then what the merge itself must change so the result
 * holds together — a code, number or name two sides gave to different
 * records, a note both edited apart. Each such change depends only on the two
 * sides, and adds one entry (named by the change) to the record's vector, so
 * it is the same in either merge order and a second merge finds it seen.
 */
export class PlanBook {
  private readonly byKey = new Map<string, Outcome>();

  constructor(
    readonly here: Database.Database,
    readonly there: Database.Database,
    readonly outcomes: Outcome[],
  ) {
    for (const o of outcomes) this.byKey.set(key(o.table, o.recordId), o);
  }

  outcomeOf(table: string, id: string): Outcome | undefined {
    return this.byKey.get(key(table, id));
  }

  add(outcome: Outcome): void {
    this.outcomes.push(outcome);
    this.byKey.set(key(outcome.table, outcome.recordId), outcome);
  }

  /** Every record of a (small) table after the merge: those here it leaves alone, and those it writes. */
  recordsAfter(table: string): RecordAfter[] {
    const spec = trackedTable(table);
    const after: RecordAfter[] = [];
    for (const id of recordIds(this.here, spec)) {
      const o = this.outcomeOf(table, id);
      if (o?.kind === 'deleted') continue;
      if (o?.row) after.push({ id, row: o.row, side: o.origin ?? 'here' });
      else after.push({ id, row: readRow(this.here, spec, id)!, side: 'here' });
    }
    for (const o of this.outcomes) if (o.table === table && o.origin === 'there' && o.row) after.push({ id: o.recordId, row: o.row, side: 'there' });
    return after;
  }

  /** The merge changes a record itself (`why` names the change, e.g. its new code). */
  adjust(table: string, id: string, why: string, change: (row: Row) => void): Outcome {
    let o = this.outcomeOf(table, id);
    if (!o?.row) {
      const row = readRow(this.here, trackedTable(table), id);
      if (!row) throw new Error(`${table} ${id} is not here to change`);
      o = { table, recordId: id, kind: 'changed', row, stamp: getStamp(this.here, table, id)! };
      this.add(o);
    }
    change(o.row!);
    o.stamp = { ...o.stamp!, versions: joinVectors(o.stamp!.versions, { [mergeEntry(table, id, why)]: 1 }) };
    return o;
  }
}

const key = (table: string, id: string) => `${table}\u0000${id}`;
