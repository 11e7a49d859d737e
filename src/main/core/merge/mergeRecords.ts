import type Database from 'better-sqlite3';
import { dataColumns, TRACKED_TABLES, trackedTable, type TrackedTable } from '../db/changeTracking';
import { dropOrphanStamps, getStamp, listTombstones, putStamp, putTombstone, versionTexts, withoutStamping, type RecordStamp, type Tombstone } from '../store/changeLog';
import { deleteRow, readRow, recordIds, releaseUniqueName, writeRow, type Row } from '../store/mergeRows';
import { NAME_RULES } from './uniqueness';
import { covers, joinVectors, keptAgainst, laterDot, sameVector, sawChange, wasKeptAgainst } from './vectors';

/**
 * The record-by-record merge of another workspace (a merge pack) into this
 * one. Each record's result is a function of the two sides alone — its row,
 * stamp and tombstone on each — never of which side is "here", so merging A
 * into B and B into A give the same records, and merging the same pack again
 * finds every record already covered and changes nothing.
 */

export type Side = 'here' | 'there';

export interface Outcome {
  table: string;
  recordId: string;
  /** new: only there; changed: there is newer; conflicting: both changed it apart; deleted: deleted there;
   * kept: deleted on one side but changed on the other since, so kept (the merge asks). */
  kind: 'new' | 'changed' | 'conflicting' | 'deleted' | 'kept';
  /** For a record only one side has (new, kept): that side. */
  origin?: Side;
  /** The merged record (absent for a deletion). */
  row?: Row;
  stamp?: RecordStamp;
  /** Which side each data column's value came from. */
  from?: Record<string, Side>;
  /** Columns both sides changed apart: the value that lost, kept for the record's history. */
  lost?: { column: string; value: unknown; kept: unknown; side: Side; at: string | null; by: string | null }[];
}

interface SideData {
  db: Database.Database;
  /** Each record's vector as stored text: equal texts are equal vectors, so most records need no more reading. */
  texts: Map<string, string>;
  stamp(id: string): RecordStamp;
  tombs: Map<string, Tombstone>;
}

/** When and by whom a row was last edited: follows the winning change, and losing it loses nothing a person wrote. */
const BOOKKEEPING = new Set(['updated_at', 'updated_by']);

const EMPTY_STAMP: RecordStamp = { createdAt: null, createdBy: null, changedAt: null, changedBy: null, changedIn: null, versions: {}, fieldClocks: {} };

function sideData(db: Database.Database, table: string, tombs: Tombstone[]): SideData {
  return {
    db,
    texts: versionTexts(db, table),
    stamp: (id) => getStamp(db, table, id) ?? EMPTY_STAMP,
    tombs: new Map(tombs.filter((t) => t.table === table).map((t) => [t.recordId, t])),
  };
}

/** Both sides have the record: take each column from the side whose change the other had not seen. */
function mergeBoth(spec: TrackedTable, columns: string[], here: Row, hs: RecordStamp, there: Row, ts: RecordStamp): Omit<Outcome, 'table' | 'recordId'> | null {
  if (sameVector(hs.versions, ts.versions)) return null;
  if (covers(hs.versions, ts.versions)) return null; // here has seen everything there
  const row: Row = {};
  const from: Record<string, Side> = {};
  const lost: NonNullable<Outcome['lost']> = [];
  const clocks: RecordStamp['fieldClocks'] = {};
  for (const k of spec.key) row[k] = here[k];
  for (const column of Object.keys(here)) {
    if (!columns.includes(column)) continue;
    const hd = hs.fieldClocks[column] ?? null;
    const td = ts.fieldClocks[column] ?? null;
    const thereSawHere = sawChange(ts.versions, hd);
    const hereSawThere = sawChange(hs.versions, td);
    let side: Side;
    if (thereSawHere && !hereSawThere) side = 'there';
    else if (hereSawThere && !thereSawHere) side = 'here';
    else {
      // Both changed it apart (or neither dot is known): the later change wins, the same in either order.
      const later = laterDot(hd, td);
      side = later === 'a' ? 'here' : later === 'b' ? 'there' : JSON.stringify(here[column]) >= JSON.stringify(there[column]) ? 'here' : 'there';
      if (!thereSawHere && !hereSawThere && !BOOKKEEPING.has(column) && JSON.stringify(here[column]) !== JSON.stringify(there[column])) {
        const loser = side === 'here' ? { row: there, stamp: ts, dot: td, side: 'there' as const } : { row: here, stamp: hs, dot: hd, side: 'here' as const };
        lost.push({ column, value: loser.row[column], kept: side === 'here' ? here[column] : there[column], side: loser.side, at: loser.dot?.[0] ?? loser.stamp.changedAt, by: loser.stamp.changedBy });
      }
    }
    row[column] = side === 'here' ? here[column] : there[column];
    from[column] = side;
    const dot = side === 'here' ? hd : td;
    if (dot) clocks[column] = dot;
  }
  // Columns not merged on their own (a note's text, a passage's offsets) follow for now; the merge recomputes them.
  for (const column of Object.keys(here)) if (!(column in row)) row[column] = covers(ts.versions, hs.versions) ? there[column] : here[column];
  const laterChange = laterDot([hs.changedAt ?? '', hs.changedIn ?? '', 0], [ts.changedAt ?? '', ts.changedIn ?? '', 0]) === 'b' ? ts : hs;
  const stamp: RecordStamp = {
    createdAt: hs.createdAt ?? ts.createdAt,
    createdBy: hs.createdBy ?? ts.createdBy,
    changedAt: laterChange.changedAt,
    changedBy: laterChange.changedBy,
    changedIn: laterChange.changedIn,
    versions: joinVectors(hs.versions, ts.versions),
    fieldClocks: clocks,
  };
  return { kind: covers(ts.versions, hs.versions) ? 'changed' : 'conflicting', row, stamp, from, lost };
}

/** What merging `there` into `here` does to each record, table by table (parents first). Reads only. */
export function planRecords(here: Database.Database, there: Database.Database): Outcome[] {
  const outcomes: Outcome[] = [];
  const hereTombs = listTombstones(here);
  const thereTombs = listTombstones(there);
  for (const spec of TRACKED_TABLES) {
    const h = sideData(here, spec.table, hereTombs);
    const t = sideData(there, spec.table, thereTombs);
    const columns = dataColumns(here, spec);
    const hereIds = new Set(recordIds(here, spec));
    const thereIds = recordIds(there, spec);
    const thereHas = new Set(thereIds);
    for (const id of thereIds) {
      if (hereIds.has(id) && h.texts.get(id) === t.texts.get(id)) continue; // the same on both sides
      const ts = t.stamp(id);
      if (hereIds.has(id)) {
        const hs = h.stamp(id);
        if (covers(hs.versions, ts.versions)) continue;
        const merged = mergeBoth(spec, columns, readRow(here, spec, id)!, hs, readRow(there, spec, id)!, ts);
        if (merged) outcomes.push({ table: spec.table, recordId: id, ...merged });
        continue;
      }
      const tomb = h.tombs.get(id);
      if (tomb && covers(tomb.versions, ts.versions)) continue; // deleted here after its last change there
      const row = readRow(there, spec, id)!;
      // Kept there already, knowing of the deletion here: it comes back without asking again.
      const asks = tomb && !wasKeptAgainst(ts.versions, tomb);
      const stamp = asks ? { ...ts, versions: keptAgainst(ts.versions, tomb) } : ts;
      outcomes.push({ table: spec.table, recordId: id, kind: asks ? 'kept' : 'new', origin: 'there', row, stamp });
    }
    for (const id of hereIds) {
      if (thereHas.has(id)) continue;
      const tomb = t.tombs.get(id);
      if (!tomb) continue; // made here: stays
      const hs = h.stamp(id);
      if (wasKeptAgainst(hs.versions, tomb)) continue; // kept here already, knowing of this deletion
      if (covers(tomb.versions, hs.versions)) outcomes.push({ table: spec.table, recordId: id, kind: 'deleted' });
      else outcomes.push({ table: spec.table, recordId: id, kind: 'kept', origin: 'here', row: readRow(here, spec, id)!, stamp: { ...hs, versions: keptAgainst(hs.versions, tomb) } });
    }
  }
  return outcomes;
}

/** Tombstones there that here lacks or holds older: the later of the two is kept, vectors joined. */
export function tombstonesToTake(here: Database.Database, there: Database.Database): Tombstone[] {
  const mine = new Map(listTombstones(here).map((t) => [`${t.table}\u0000${t.recordId}`, t]));
  const taken: Tombstone[] = [];
  for (const theirs of listTombstones(there)) {
    const own = mine.get(`${theirs.table}\u0000${theirs.recordId}`);
    if (own && covers(own.versions, theirs.versions) && own.deletedAt >= theirs.deletedAt) continue;
    const later = !own || theirs.deletedAt > own.deletedAt ? theirs : own;
    taken.push({ ...later, versions: own ? joinVectors(own.versions, theirs.versions) : theirs.versions });
  }
  return taken;
}

/** Write the outcomes: records parents first, deletions children first, with stamping off (they carry their own). */
export function applyRecords(db: Database.Database, outcomes: readonly Outcome[], tombstones: readonly Tombstone[]): void {
  // Foreign keys are checked when the merge commits, not row by row: a table that points at itself (a new theme
  // under a theme new in the same pack) has no order of its rows that is parents-first by id. Reset at commit.
  db.pragma('defer_foreign_keys = ON');
  withoutStamping(db, () => {
    // A record that gives up a unique name in this merge lets go of it before any row is written: the other side may
    // have given the name to another record at once — a sub-theme moved up in its deleted parent's place, a group
    // deleted and a new one made under its name, two themes' names swapped — and rows are written one at a time,
    // deletions last (children first, below).
    for (const rule of NAME_RULES) {
      const spec = trackedTable(rule.table);
      for (const o of outcomes) {
        if (o.table !== rule.table) continue;
        const current = readRow(db, spec, o.recordId);
        if (!current) continue;
        const keeps = o.row && o.row[rule.column] === current[rule.column] && (!rule.scope || o.row[rule.scope] === current[rule.scope]);
        if (!keeps) releaseUniqueName(db, spec, rule.column, o.recordId);
      }
    }
    for (const spec of TRACKED_TABLES) {
      const rows = outcomes.filter((o) => o.table === spec.table && o.row);
      // Records here first: one renumbered here frees its code before the other side's record arrives with it.
      const present = new Set(rows.filter((o) => readRow(db, spec, o.recordId)).map((o) => o.recordId));
      for (const o of [...rows.filter((r) => present.has(r.recordId)), ...rows.filter((r) => !present.has(r.recordId))]) {
        writeRow(db, spec, o.row!);
        putStamp(db, spec.table, o.recordId, o.stamp!);
      }
    }
    for (const spec of [...TRACKED_TABLES].reverse()) {
      for (const o of outcomes) if (o.table === spec.table && o.kind === 'deleted' && readRow(db, spec, o.recordId)) deleteRow(db, spec, o.recordId);
    }
    for (const tomb of tombstones) putTombstone(db, tomb);
    for (const spec of TRACKED_TABLES) dropOrphanStamps(db, spec);
  });
}
