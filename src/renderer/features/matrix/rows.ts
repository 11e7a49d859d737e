import type { MatrixResult, MatrixRow } from '../../../shared/domain/matrix';

/**
 * The matrix's rows shown: every theme whose ancestors are all expanded. A collapsed parent keeps its own row, whose
 * counts are its branch's roll-up (the core's), so folding a branch hides detail, never evidence.
 */
export function visibleRows(m: MatrixResult | undefined, collapsed: ReadonlySet<string>): MatrixRow[] {
  if (!m) return [];
  const hidden = new Set<string>();
  return m.rows.filter((r) => {
    if (r.parentId && (hidden.has(r.parentId) || collapsed.has(r.parentId))) {
      hidden.add(r.themeId);
      return false;
    }
    return true;
  });
}
