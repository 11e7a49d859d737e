import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import type { Dimension, MatrixCell } from '../../../shared/domain/matrix';
import { attributeValueRows, engagementsMatching } from '../store/analysisIndex';
import { passageFilter } from '../store/analysisFilter';
import { analysisIndex, type AnalysisIndex } from './analysisIndex';
import type { ThemeViewInput } from './themeView';

/**
 * Filtering and counting over the analysis index (issue 8): the same rules as the SQL of analysisFilter.ts
 * and the theme view, as loops over integers. Engagement conditions (type, organisation words, dates) are
 * still decided by SQLite, over the few hundred engagements, so LIKE and date comparison mean what they did.
 */

/** Which passages a view takes. */
export interface PassageScope {
  filters?: AnalysisFilter;
  /** A matrix cell: only passages in this column of the dimension. */
  cell?: { dimension: Dimension; value: string };
  /** Only these passages (rowids): the overlapping passages of a co-occurrence cell. */
  rowids?: ReadonlySet<number>;
}

/** A passage's column under a dimension ('' for no value), by passage index. */
export function columnOf(db: Database.Database, ix: AnalysisIndex, dimension: Dimension): (i: number) => string {
  const { dims, passages } = ix;
  const byParticipant = (values: string[]) => (i: number) => {
    const p = passages.participant[i]!;
    return p < 0 ? '' : values[p]!;
  };
  const byEngagement = (values: string[]) => (i: number) => values[passages.engagement[i]!] ?? '';
  switch (dimension) {
    case 'staffGroup':
      return byParticipant(dims.staffGroup);
    case 'participant':
      return byParticipant(dims.participantIds);
    case 'organisation':
      return byEngagement(dims.organisation);
    case 'engagementType':
      return byEngagement(dims.engagementType);
    case 'engagement':
      return byEngagement(dims.engagementIds);
    default: {
      const values = new Map(attributeValueRows(db, dimension.slice('attribute:'.length)));
      return byParticipant(dims.participantIds.map((id) => values.get(id) ?? ''));
    }
  }
}

/** The scope as a test of a passage index. */
export function scopeTest(db: Database.Database, ix: AnalysisIndex, scope: PassageScope): (i: number) => boolean {
  const { dims, passages } = ix;
  const filters = scope.filters ?? {};
  const tests: ((i: number) => boolean)[] = [];
  const sql = passageFilter(filters);
  if (sql.engagement.length) {
    const allowed = new Uint8Array(dims.engagementIds.length);
    for (const id of engagementsMatching(db, sql)) allowed[dims.engagementIndex.get(id)!] = 1;
    tests.push((i) => allowed[passages.engagement[i]!] === 1);
  }
  if (filters.staffGroups?.length) {
    const groups = new Set(filters.staffGroups);
    const allowed = Uint8Array.from(dims.staffGroup, (g) => (groups.has(g) ? 1 : 0));
    tests.push((i) => passages.participant[i]! >= 0 && allowed[passages.participant[i]!] === 1);
  }
  if (filters.reviewerIds?.length) {
    const reviewers = new Set(filters.reviewerIds.flatMap((id) => passages.reviewerIndex.get(id) ?? []));
    tests.push((i) => {
      if (reviewers.has(passages.createdBy[i]!)) return true;
      for (let k = passages.themeStart[i]!; k < passages.themeStart[i + 1]!; k++) if (reviewers.has(passages.taggedBy[k]!)) return true;
      return false;
    });
  }
  if (filters.keyQuotesOnly) tests.push((i) => passages.keyQuote[i] === 1);
  if (scope.cell) {
    const column = columnOf(db, ix, scope.cell.dimension);
    const value = scope.cell.value;
    tests.push((i) => column(i) === value);
  }
  if (scope.rowids) {
    const rowids = scope.rowids;
    tests.push((i) => rowids.has(passages.rowid[i]!));
  }
  if (tests.length === 0) return () => true;
  return (i) => {
    for (const test of tests) if (!test(i)) return false;
    return true;
  };
}

// ── the framework matrix ───────────────────────────────────────────────────

/** Counts of the matrix before labelling: per theme id and column value, and the totals. */
export interface MatrixTallies {
  cells: Map<string, Map<string, MatrixCell>>;
  rowTotals: Map<string, MatrixCell>;
  columnTotals: Map<string, MatrixCell>;
}

/**
 * Each tagged passage the filters allow counts once in its column, and once in each row of its themes and
 * their ancestors (however many of the row's themes it carries). Distinct participants are counted by
 * visiting passages speaker by speaker, so a cell needs a stamp, not a set.
 */
export function matrixTallies(db: Database.Database, filters: AnalysisFilter | undefined, dimension: Dimension): MatrixTallies {
  const ix = analysisIndex(db);
  const { dims, passages } = ix;
  const inScope = scopeTest(db, ix, { filters });
  const column = columnOf(db, ix, dimension);
  const columns: string[] = [];
  const columnIndex = new Map<string, number>();
  const kept: number[] = [];
  const keptColumn: number[] = [];
  for (let i = 0; i < passages.count; i++) {
    if (passages.themeStart[i + 1] === passages.themeStart[i] || !inScope(i)) continue;
    const value = column(i);
    let c = columnIndex.get(value);
    if (c === undefined) columnIndex.set(value, (c = columns.push(value) - 1));
    kept.push(i);
    keptColumn.push(c);
  }
  const order = bySpeaker(kept.map((i) => passages.participant[i]!));

  const T = dims.themeIds.length;
  const C = columns.length;
  const cellPassages = new Int32Array(T * C);
  const cellPeople = new Int32Array(T * C);
  const cellStamp = new Int32Array(T * C).fill(-1);
  const rowPassages = new Int32Array(T);
  const rowPeople = new Int32Array(T);
  const rowStamp = new Int32Array(T).fill(-1);
  const colPassages = new Int32Array(C);
  const colPeople = new Int32Array(C);
  const colStamp = new Int32Array(C).fill(-1);
  const rowSeen = new Int32Array(T).fill(-1);
  for (const k of order) {
    const i = kept[k]!;
    const c = keptColumn[k]!;
    const person = passages.participant[i]!;
    colPassages[c]!++;
    if (person >= 0 && colStamp[c] !== person) {
      colStamp[c] = person;
      colPeople[c]!++;
    }
    for (let t = passages.themeStart[i]!; t < passages.themeStart[i + 1]!; t++) {
      for (const row of dims.up[passages.theme[t]!]!) {
        if (rowSeen[row] === k) continue;
        rowSeen[row] = k;
        const cell = row * C + c;
        cellPassages[cell]!++;
        rowPassages[row]!++;
        if (person < 0) continue;
        if (cellStamp[cell] !== person) {
          cellStamp[cell] = person;
          cellPeople[cell]!++;
        }
        if (rowStamp[row] !== person) {
          rowStamp[row] = person;
          rowPeople[row]!++;
        }
      }
    }
  }

  const out: MatrixTallies = { cells: new Map(), rowTotals: new Map(), columnTotals: new Map() };
  columns.forEach((value, c) => out.columnTotals.set(value, { passages: colPassages[c]!, participants: colPeople[c]! }));
  for (let row = 0; row < T; row++) {
    if (rowPassages[row] === 0) continue;
    const id = dims.themeIds[row]!;
    out.rowTotals.set(id, { passages: rowPassages[row]!, participants: rowPeople[row]! });
    const cells = new Map<string, MatrixCell>();
    columns.forEach((value, c) => {
      const cell = row * C + c;
      if (cellPassages[cell]! > 0) cells.set(value, { passages: cellPassages[cell]!, participants: cellPeople[cell]! });
    });
    out.cells.set(id, cells);
  }
  return out;
}

/** Positions 0..n-1 grouped by speaker (a counting sort; no speaker, -1, first). */
function bySpeaker(speakers: number[]): Int32Array {
  let max = -1;
  for (const s of speakers) if (s > max) max = s;
  const starts = new Int32Array(max + 3);
  for (const s of speakers) starts[s + 2]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const out = new Int32Array(speakers.length);
  speakers.forEach((s, k) => (out[starts[s + 1]!++] = k));
  return out;
}

// ── the theme view ─────────────────────────────────────────────────────────

/**
 * Passage indexes, in view order, carrying any (or all) of the chosen themes — a sub-theme counting as its
 * chosen ancestor when asked — within the scope.
 */
export function themeViewOrder(
  db: Database.Database,
  input: Pick<ThemeViewInput, 'themeIds'> & Partial<Pick<ThemeViewInput, 'mode' | 'includeSubthemes'>> & PassageScope,
): { ix: AnalysisIndex; order: number[] } {
  const ix = analysisIndex(db);
  const { dims, passages } = ix;
  const chosen = [...new Set(input.themeIds)];
  const all = input.mode === 'all';
  const roots = chosen.map((id) => dims.themeIndex.get(id) ?? -1);
  if (chosen.length === 0 || (all && roots.includes(-1))) return { ix, order: [] };
  // For each theme, the chosen roots it counts as.
  const countsAs: number[][] = dims.themeIds.map(() => []);
  roots.forEach((root, r) => {
    if (root < 0) return;
    if (input.includeSubthemes === false) countsAs[root]!.push(r);
    else dims.up.forEach((chain, t) => chain.includes(root) && countsAs[t]!.push(r));
  });
  const inScope = scopeTest(db, ix, input);
  const seen = new Int32Array(chosen.length).fill(-1);
  const order: number[] = [];
  for (let i = 0; i < passages.count; i++) {
    let distinct = 0;
    for (let t = passages.themeStart[i]!; t < passages.themeStart[i + 1]!; t++) {
      for (const r of countsAs[passages.theme[t]!]!) {
        if (seen[r] === i) continue;
        seen[r] = i;
        distinct++;
      }
    }
    if (distinct > 0 && (!all || distinct === chosen.length) && inScope(i)) order.push(i);
  }
  return { ix, order };
}
