import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { ThemeViewResult } from '../../../shared/domain/analysis';
import {
  builtinDimensions,
  dimensionLabels as builtinLabels,
  type BuiltinDimension,
  type Dimension,
  type DimensionOption,
  type MatrixColumn,
  type MatrixResult,
  type MatrixRow,
  type MatrixSummary,
} from '../../../shared/domain/matrix';
import { staffGroupLabels, staffGroups, type StaffGroup } from '../../../shared/domain/participant';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { dimensionLabels, participantsByStaffGroup } from '../store/analysisCounts';
import { deleteSummary, summaryRow, summaryRows, upsertSummary, type SummaryRow } from '../store/matrixSummaries';
import { analysisIndex, themePassageCounts } from './analysisIndex';
import { matrixTallies, type MatrixTallies } from './analysisScan';
import { getAttribute, listAttributes } from './participantAttributes';
import { authorship, reviewersById } from '../store/reviewers';
import { themeView } from './themeView';
import { listThemes } from './themes';
import { getThemeRow } from '../store/themes';

/**
 * The framework matrix (issue 8; the Framework Method's charting step):
 * themes as rows, one dimension of the evidence as columns, each cell the
 * passages and distinct participants it holds, and the reviewer's summary.
 *
 * The counts come from the analysis index (analysisScan.ts matrixTallies):
 * each passage counted once per row and column however many of the row's
 * themes it carries — the same rule as the theme view with sub-themes, so a
 * row's cells add up to its theme view.
 */

export function dimensionLabel(db: Database.Database, dimension: Dimension): string {
  if ((builtinDimensions as readonly string[]).includes(dimension)) return builtinLabels[dimension as BuiltinDimension];
  return getAttribute(db, dimension.slice('attribute:'.length)).name;
}

export function listDimensions(db: Database.Database): DimensionOption[] {
  return [
    ...builtinDimensions.map((key) => ({ key, label: builtinLabels[key] })),
    ...listAttributes(db).map((a) => ({ key: `attribute:${a.id}`, label: a.name })),
  ];
}

const NO_VALUE: Record<BuiltinDimension | 'attribute', string> = {
  staffGroup: 'No speaker linked',
  participant: 'No speaker linked',
  organisation: 'No organisation recorded',
  engagementType: 'No type',
  engagement: 'No engagement',
  attribute: 'Not recorded',
};

/** The dimension's columns: every value present, and for staff groups every group met; labelled and in a sensible order. */
function columnsFor(db: Database.Database, dimension: Dimension, present: ReadonlySet<string>): MatrixColumn[] {
  const keys = new Set(present);
  if (dimension === 'staffGroup') for (const g of participantsByStaffGroup(db)) keys.add(g.staff_group);
  const known = new Map(dimensionLabels(db, dimension).map((l) => [l.key, l]));
  const kind = dimension.startsWith('attribute:') ? 'attribute' : (dimension as BuiltinDimension);
  const label = (key: string): string => {
    if (key === '') return NO_VALUE[kind];
    if (dimension === 'staffGroup') return staffGroupLabels[key as StaffGroup] ?? key;
    return known.get(key)?.label ?? key;
  };
  const sortKey = (key: string): number | string => {
    if (dimension === 'staffGroup') {
      const i = staffGroups.indexOf(key as StaffGroup);
      return i < 0 ? staffGroups.length : i;
    }
    return known.get(key)?.sort_key ?? label(key).toLocaleLowerCase('en-GB');
  };
  return [...keys]
    .sort((a, b) => {
      if (a === '' || b === '') return a === '' ? 1 : -1; // "no value" last
      const x = sortKey(a);
      const y = sortKey(b);
      if (typeof x === 'number' && typeof y === 'number') return x - y || a.localeCompare(b);
      return String(x).localeCompare(String(y), 'en-GB', { numeric: true }) || a.localeCompare(b);
    })
    .map((key) => ({ key, label: label(key) }));
}

function toSummary(row: SummaryRow, reviewers: ReturnType<typeof reviewersById>): MatrixSummary {
  return {
    themeId: row.theme_id,
    dimension: row.dimension,
    value: row.value,
    text: row.text,
    ...authorship(row, reviewers),
  };
}

/** Every theme (in codebook order) × the dimension's columns, with roll-up counts and the cells' summaries. */
/**
 * A matrix method's input as the contract parsed it, its dimension narrowed: the contract checks a dimension's
 * form, the services that it exists (a custom attribute may be gone).
 */
export type WithDimension<M extends 'matrix.get' | 'matrix.cell' | 'matrix.saveSummary'> = Omit<ParsedInput<M>, 'dimension'> & { dimension: Dimension };

export function matrix(db: Database.Database, input: WithDimension<'matrix.get'>): MatrixResult {
  const dimensionName = dimensionLabel(db, input.dimension);
  const themes = listThemes(db, themePassageCounts(analysisIndex(db)));
  return assembleMatrix(db, input.dimension, dimensionName, themes, matrixTallies(db, input.filters, input.dimension));
}

/** The matrix from its counts: rows in codebook order, columns labelled and ordered, the summaries. */
export function assembleMatrix(
  db: Database.Database,
  dimension: Dimension,
  dimensionName: string,
  themes: ThemeListItem[],
  tallies: MatrixTallies,
): MatrixResult {
  const rows: MatrixRow[] = themes.map((t) => ({
    themeId: t.id,
    parentId: t.parentId,
    name: t.name,
    colour: t.colour,
    depth: t.depth,
    hasChildren: t.childCount > 0,
    total: tallies.rowTotals.get(t.id) ?? { passages: 0, participants: 0 },
    cells: Object.fromEntries(tallies.cells.get(t.id) ?? []),
  }));
  const reviewers = reviewersById(db);
  return {
    dimension,
    dimensionLabel: dimensionName,
    columns: columnsFor(db, dimension, new Set(tallies.columnTotals.keys())),
    rows,
    totals: Object.fromEntries(tallies.columnTotals),
    summaries: summaryRows(db, dimension).map((r) => toSummary(r, reviewers)),
  };
}

/** A cell's passages, as the theme view lists them (the theme with its sub-themes, in the cell's column). */
export function matrixCell(
  db: Database.Database,
  input: WithDimension<'matrix.cell'>,
): ThemeViewResult {
  getThemeRow(db, input.themeId);
  return themeView(db, {
    themeIds: [input.themeId],
    mode: 'any',
    includeSubthemes: true,
    filters: input.filters,
    cell: { dimension: input.dimension, value: input.value },
    limit: input.limit,
    offset: input.offset,
  });
}

export function listSummaries(db: Database.Database, dimension?: Dimension): MatrixSummary[] {
  const reviewers = reviewersById(db);
  return summaryRows(db, dimension).map((r) => toSummary(r, reviewers));
}

/** Write a cell's summary (who and when recorded); empty text removes it. */
export function saveSummary(
  db: Database.Database,
  input: WithDimension<'matrix.saveSummary'>,
  reviewerId: string,
): MatrixSummary | null {
  return db.transaction(() => {
    getThemeRow(db, input.themeId);
    dimensionLabel(db, input.dimension);
    const text = input.text.trim();
    if (text === '') {
      deleteSummary(db, input.themeId, input.dimension, input.value);
      return null;
    }
    upsertSummary(db, { ...input, text, reviewerId, now: new Date().toISOString() });
    return toSummary(summaryRow(db, input.themeId, input.dimension, input.value)!, reviewersById(db));
  })();
}
