/**
 * The framework matrix as the report and the evidence exports print it
 * (issue 13): themes × staff groups, the dimension the report's method counts
 * participants by, read from the findings services' matrix (issue 8). The
 * workbook needs the matrix alone, so it is read and built apart from the
 * rest of the report.
 */
import type Database from 'better-sqlite3';
import { matrix } from '../../services/matrix';
import type { CheckList } from './checkList';
import type { ReportMatrix } from './model';
import type { SourceMatrix } from './sources';

export function readMatrixSource(db: Database.Database): SourceMatrix {
  const m = matrix(db, { dimension: 'staffGroup' });
  const totals = Object.fromEntries(Object.entries(m.totals).map(([k, c]) => [k, c.passages]));
  return {
    dimensionLabel: m.dimensionLabel,
    columns: m.columns.map((c) => ({ key: c.key, label: c.key === '' ? 'No speaker linked' : c.label })),
    rows: m.rows.map((r) => ({
      themeId: r.themeId,
      name: r.name,
      depth: r.depth,
      total: r.total.passages,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.passages])),
    })),
    totals,
    // Each passage has one speaker, so it stands in one column: the columns add up to the passages.
    grandTotal: Object.values(totals).reduce((n, v) => n + v, 0),
    summaries: m.summaries.map((s) => ({ themeId: s.themeId, value: s.value, text: s.text })),
  };
}

/**
 * The matrix of the chosen themes, with the columns that hold anything and the written cell summaries,
 * real names replaced in them (`clean` writes each replacement into the check).
 */
export function reportMatrix(
  m: SourceMatrix,
  chosen: Set<string> | null,
  themeName: ReadonlyMap<string, string>,
  clean: (where: string, text: string) => string,
): ReportMatrix {
  const used = m.columns.filter((c) => (m.totals[c.key] ?? 0) > 0);
  const rows = m.rows.filter((r) => r.total > 0 && (!chosen || chosen.has(r.themeId)));
  const columnLabel = new Map(m.columns.map((c) => [c.key, c.label]));
  return {
    dimensionLabel: m.dimensionLabel,
    columns: used.map((c) => c.label),
    rows: rows.map((r) => ({ name: r.name, depth: r.depth, total: r.total, cells: used.map((c) => r.cells[c.key] ?? 0) })),
    totals: used.map((c) => m.totals[c.key] ?? 0),
    grandTotal: m.grandTotal,
    summaries: m.summaries
      .filter((s) => s.text.trim() && (!chosen || chosen.has(s.themeId)))
      .map((s) => ({
        theme: themeName.get(s.themeId) ?? '',
        column: columnLabel.get(s.value) ?? s.value,
        text: clean('Matrix summaries', s.text),
      })),
  };
}

/** The check's line for a matrix the options leave out. */
export function matrixLeftOut(check: CheckList): void {
  check.add('left_out', 'Framework matrix', 'The matrix and its summaries', 'Left out in the report options.');
}
