import type { ReportMatrix } from '../report/model';

/** The framework matrix as rows for CSV and Excel: theme path, one count per column, the row's total. */
export function matrixTable(m: ReportMatrix): { header: string[]; rows: (string | number)[][] } {
  const stack: string[] = [];
  return {
    header: ['Theme', ...m.columns, 'All'],
    rows: [
      ...m.rows.map((r) => {
        stack.length = Math.min(stack.length, r.depth);
        stack.push(r.name);
        return [stack.join(' › '), ...r.cells, r.total];
      }),
      ['All themes', ...m.totals, m.grandTotal],
    ],
  };
}
