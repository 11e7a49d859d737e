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

/** A dimension's columns: the values met ('' for no value), and each passage's column as an index into them. */
export interface ColumnCodes {
  values: string[];
  code: Int32Array;
}

/**
 * Each passage's column under a dimension, as integers: the value is looked up once per participant or
 * engagement (a few thousand), not once per passage, and no string is touched in the counting loops.
 */
export function columnCodes(db: Database.Database, ix: AnalysisIndex, dimension: Dimension): ColumnCodes {
  const { dims, passages } = ix;
  const values: string[] = [];
  const known = new Map<string, number>();
  const codeOf = (value: string) => {
    let c = known.get(value);
    if (c === undefined) known.set(value, (c = values.push(value) - 1));
    return c;
  };
  const code = new Int32Array(passages.count);
  const byParticipant = (valueOf: string[]) => {
    const none = codeOf('');
    const of = Int32Array.from(valueOf, codeOf);
    for (let i = 0; i < passages.count; i++) {
      const p = passages.participant[i]!;
      code[i] = p < 0 ? none : of[p]!;
    }
  };
  const byEngagement = (valueOf: string[]) => {
    const none = codeOf('');
    const of = Int32Array.from(valueOf, codeOf);
    for (let i = 0; i < passages.count; i++) code[i] = of[passages.engagement[i]!] ?? none;
  };
  switch (dimension) {
    case 'staffGroup':
      byParticipant(dims.staffGroup);
      break;
    case 'participant':
      byParticipant(dims.participantIds);
      break;
    case 'organisation':
      byEngagement(dims.organisation);
      break;
    case 'engagementType':
      byEngagement(dims.engagementType);
      break;
    case 'engagement':
      byEngagement(dims.engagementIds);
      break;
    default: {
      const recorded = new Map(attributeValueRows(db, dimension.slice('attribute:'.length)));
      byParticipant(dims.participantIds.map((id) => recorded.get(id) ?? ''));
    }
  }
  return { values, code };
}

/**
 * The passages a scope takes, as one byte per passage (null: every passage). Each condition is one pass over
 * the passages, narrowing the mask; the views then test a byte, not a chain of closures.
 */
export function scopeMask(db: Database.Database, ix: AnalysisIndex, scope: PassageScope): Uint8Array | null {
  const { dims, passages } = ix;
  const n = passages.count;
  const filters = scope.filters ?? {};
  let mask: Uint8Array | null = null;
  const narrow = (keep: (i: number) => boolean) => {
    if (!mask) {
      mask = new Uint8Array(n);
      for (let i = 0; i < n; i++) mask[i] = keep(i) ? 1 : 0;
    } else {
      for (let i = 0; i < n; i++) if (mask[i] === 1 && !keep(i)) mask[i] = 0;
    }
  };
  const sql = passageFilter(filters);
  if (sql.engagement.length) {
    const allowed = new Uint8Array(dims.engagementIds.length);
    for (const id of engagementsMatching(db, sql)) allowed[dims.engagementIndex.get(id)!] = 1;
    narrow((i) => allowed[passages.engagement[i]!] === 1);
  }
  if (filters.staffGroups?.length) {
    const groups = new Set(filters.staffGroups);
    const allowed = Uint8Array.from(dims.staffGroup, (g) => (groups.has(g) ? 1 : 0));
    narrow((i) => passages.participant[i]! >= 0 && allowed[passages.participant[i]!] === 1);
  }
  if (filters.reviewerIds?.length) {
    const reviewers = new Set(filters.reviewerIds.flatMap((id) => passages.reviewerIndex.get(id) ?? []));
    narrow((i) => {
      if (reviewers.has(passages.createdBy[i]!)) return true;
      for (let k = passages.themeStart[i]!; k < passages.themeStart[i + 1]!; k++) if (reviewers.has(passages.taggedBy[k]!)) return true;
      return false;
    });
  }
  if (filters.keyQuotesOnly) narrow((i) => passages.keyQuote[i] === 1);
  if (scope.cell) {
    const { values, code } = columnCodes(db, ix, scope.cell.dimension);
    const wanted = values.indexOf(scope.cell.value);
    narrow((i) => code[i] === wanted);
  }
  if (scope.rowids) {
    const rowids = scope.rowids;
    narrow((i) => rowids.has(passages.rowid[i]!));
  }
  return mask;
}

/** The scope as a test of a passage index. */
export function scopeTest(db: Database.Database, ix: AnalysisIndex, scope: PassageScope): (i: number) => boolean {
  const mask = scopeMask(db, ix, scope);
  return mask ? (i) => mask[i] === 1 : () => true;
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
 * visiting passages speaker by speaker, so a cell needs a stamp, not a set. Every count is an Int32Array
 * indexed by integers: no object per passage, no string in the loop.
 */
export function matrixTallies(db: Database.Database, filters: AnalysisFilter | undefined, dimension: Dimension): MatrixTallies {
  const ix = analysisIndex(db);
  const { dims, passages } = ix;
  const { themeStart, theme, participant } = passages;
  const { upStart, upList } = dims;
  const mask = scopeMask(db, ix, { filters });
  const { values, code } = columnCodes(db, ix, dimension);
  const order = taggedBySpeaker(ix, mask);

  const T = dims.themeIds.length;
  const C = values.length;
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
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const c = code[i]!;
    const person = participant[i]!;
    colPassages[c]!++;
    if (person >= 0 && colStamp[c] !== person) {
      colStamp[c] = person;
      colPeople[c]!++;
    }
    for (let t = themeStart[i]!; t < themeStart[i + 1]!; t++) {
      const chosen = theme[t]!;
      for (let u = upStart[chosen]!; u < upStart[chosen + 1]!; u++) {
        const row = upList[u]!;
        if (rowSeen[row] === i) continue;
        rowSeen[row] = i;
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
  values.forEach((value, c) => {
    if (colPassages[c]! > 0) out.columnTotals.set(value, { passages: colPassages[c]!, participants: colPeople[c]! });
  });
  for (let row = 0; row < T; row++) {
    if (rowPassages[row] === 0) continue;
    const id = dims.themeIds[row]!;
    out.rowTotals.set(id, { passages: rowPassages[row]!, participants: rowPeople[row]! });
    const cells = new Map<string, MatrixCell>();
    values.forEach((value, c) => {
      const cell = row * C + c;
      if (cellPassages[cell]! > 0) cells.set(value, { passages: cellPassages[cell]!, participants: cellPeople[cell]! });
    });
    out.cells.set(id, cells);
  }
  return out;
}

/** The tagged passages in the mask, grouped by speaker (a counting sort; no speaker, -1, first), in index order within a speaker. */
function taggedBySpeaker(ix: AnalysisIndex, mask: Uint8Array | null): Int32Array {
  const { count, themeStart, participant } = ix.passages;
  const starts = new Int32Array(ix.dims.participantIds.length + 2);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    if (themeStart[i + 1] === themeStart[i] || (mask !== null && mask[i] === 0)) continue;
    starts[participant[i]! + 2]!++;
    kept++;
  }
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const out = new Int32Array(kept);
  for (let i = 0; i < count; i++) {
    if (themeStart[i + 1] === themeStart[i] || (mask !== null && mask[i] === 0)) continue;
    out[starts[participant[i]! + 1]!++] = i;
  }
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
