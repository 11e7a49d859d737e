import { findingLabel } from '../../../shared/domain/finding';
import { isFractionalKey, keyBetween } from '../../../shared/domain/fractionalKey';
import { formatParticipantCode } from '../../../shared/domain/participant';
import { recommendationLabel } from '../../../shared/domain/recommendation';
import { themeNameKey } from '../../../shared/domain/theme';
import { readMeta } from '../store/workspaceMeta';
import type { PlanBook, RecordAfter } from './planBook';
import type { Side } from './mergeRecords';

/**
 * Codes, numbers and names that must stay unique (SQLite holds them to it)
 * but that two laptops gave out apart: P014, F12, R3, a theme called "Equity"
 * under the same parent. The record entered first keeps its own; each later
 * one is renumbered (the next number neither side ever gave) or renamed
 * ("Equity (2)"). "Entered" is the record's creation time, then its id — the
 * same in either merge order.
 */

export interface Renumbering {
  table: string;
  recordId: string;
  side: Side;
  from: string;
  to: string;
}

interface NumberRule {
  table: string;
  counterKey: string;
  label: (n: number) => string;
  /** Besides `number`, a column holding the label itself (a participant's code). */
  labelColumn?: string;
}

const NUMBER_RULES: readonly NumberRule[] = [
  { table: 'participants', counterKey: 'participants.last_number', label: formatParticipantCode, labelColumn: 'code' },
  { table: 'findings', counterKey: 'findings.last_number', label: findingLabel },
  { table: 'recommendations', counterKey: 'recommendations.last_number', label: recommendationLabel },
];

export interface NameRule {
  table: string;
  column: string;
  /** Names are unique within this (a theme's parent), or across the table. */
  scope?: string;
}

export const NAME_RULES: readonly NameRule[] = [
  { table: 'engagement_types', column: 'label' },
  { table: 'participant_attributes', column: 'name' },
  { table: 'themes', column: 'name', scope: 'parent_id' },
  { table: 'recommendation_groups', column: 'name' },
];

const entered = (a: RecordAfter, b: RecordAfter): number => {
  const ta = String(a.row.created_at ?? '');
  const tb = String(b.row.created_at ?? '');
  return ta < tb ? -1 : ta > tb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** Groups of records sharing a value, each in entry order (the first keeps it). */
function collisions(records: RecordAfter[], valueOf: (r: RecordAfter) => string): RecordAfter[][] {
  const groups = new Map<string, RecordAfter[]>();
  for (const r of records) groups.set(valueOf(r), [...(groups.get(valueOf(r)) ?? []), r]);
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort(entered));
}

/**
 * Renumber the later of each pair of records holding one number. Also returns each counter as the merge leaves it:
 * the highest number either side ever gave, any record holds, or this renumbering gave — so none is given again.
 */
export function settleNumbers(book: PlanBook): { renumbered: Renumbering[]; counters: Map<string, number> } {
  const done: Renumbering[] = [];
  const counters = new Map<string, number>();
  for (const rule of NUMBER_RULES) {
    const records = book.recordsAfter(rule.table);
    let next = Math.max(
      Number(readMeta(book.here, rule.counterKey) ?? 0),
      Number(readMeta(book.there, rule.counterKey) ?? 0),
      ...records.map((r) => Number(r.row.number)),
    );
    const later = collisions(records, (r) => String(r.row.number))
      .flatMap((g) => g.slice(1))
      .sort(entered);
    for (const r of later) {
      next += 1;
      const to = next;
      const from = rule.label(Number(r.row.number));
      book.adjust(rule.table, r.id, rule.label(to), (row) => {
        row.number = to;
        if (rule.labelColumn) row[rule.labelColumn] = rule.label(to);
      });
      done.push({ table: rule.table, recordId: r.id, side: r.side, from, to: rule.label(to) });
    }
    counters.set(rule.counterKey, next);
  }
  return { renumbered: done, counters };
}

export interface Renaming {
  table: string;
  recordId: string;
  from: string;
  to: string;
  /** The record that kept the name. */
  keptBy: string;
}

/** Rename the later of records sharing a name ("Equity (2)"); the themes among them can then be combined. */
export function settleNames(book: PlanBook): Renaming[] {
  const done: Renaming[] = [];
  for (const rule of NAME_RULES) {
    const records = book.recordsAfter(rule.table);
    const scopeOf = (r: RecordAfter) => String(rule.scope ? (r.row[rule.scope] ?? '') : '');
    const nameKey = (r: RecordAfter) => `${scopeOf(r)}\u0000${themeNameKey(String(r.row[rule.column]))}`;
    const taken = new Set(records.map(nameKey));
    for (const group of collisions(records, nameKey)) {
      for (const r of group.slice(1)) {
        const name = String(r.row[rule.column]);
        let k = 2;
        while (taken.has(`${scopeOf(r)}\u0000${themeNameKey(`${name} (${k})`)}`)) k += 1;
        const to = `${name} (${k})`;
        taken.add(`${scopeOf(r)}\u0000${themeNameKey(to)}`);
        book.adjust(rule.table, r.id, to, (row) => (row[rule.column] = to));
        done.push({ table: rule.table, recordId: r.id, from: name, to, keptBy: group[0]!.id });
      }
    }
  }
  return done;
}

/** Lists ordered by fractional keys (shared/domain/fractionalKey.ts), each within its scope. */
const POSITION_RULES: readonly { table: string; scope?: string }[] = [
  { table: 'findings' },
  { table: 'finding_passages', scope: 'finding_id' },
  { table: 'recommendation_groups' },
  { table: 'recommendations', scope: 'group_id' },
];

/**
 * Give apart records two laptops put at one place in a list: each side's key was chosen between its own
 * neighbours, so both can hold the same key, and then no key lies between them and the next move there fails.
 * The record entered first keeps its key; each later one takes a key just after it, before the next key in the
 * list — the same in either merge order, the records keeping the order they showed in (ties went by id).
 */
export function settlePositions(book: PlanBook): void {
  for (const rule of POSITION_RULES) {
    // Only a record the merge writes can meet another at one place: a table it leaves alone is not read.
    if (!book.outcomes.some((o) => o.table === rule.table && o.row)) continue;
    const scopes = new Map<string, RecordAfter[]>();
    for (const r of book.recordsAfter(rule.table)) {
      const scope = String(rule.scope ? r.row[rule.scope] : '');
      scopes.set(scope, [...(scopes.get(scope) ?? []), r]);
    }
    for (const records of scopes.values()) {
      const keyOf = (r: RecordAfter) => String(r.row.position);
      if (!records.every((r) => isFractionalKey(keyOf(r)))) continue; // not ours to place
      const keys = [...new Set(records.map(keyOf))].sort();
      for (const group of collisions(records, keyOf)) {
        const shared = keyOf(group[0]!);
        const next = keys[keys.indexOf(shared) + 1] ?? null;
        let previous = shared;
        // Ties were shown in id order: the later ones keep that order among themselves.
        for (const r of group.slice(1).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
          const to = keyBetween(previous, next);
          previous = to;
          book.adjust(rule.table, r.id, `position ${to}`, (row) => (row.position = to));
        }
      }
    }
  }
}
