import { describe, expect, it } from 'vitest';
import type { MatrixResult, MatrixRow } from '../../../shared/domain/matrix';
import { visibleRows } from './rows';

const row = (themeId: string, parentId: string | null, depth: number, hasChildren = false): MatrixRow => ({
  themeId,
  parentId,
  name: themeId,
  colour: '#1F77B4',
  depth,
  hasChildren,
  total: { passages: 1, participants: 1 },
  cells: {},
});

// Technology › Digital medicine › Telemedicine, Technology › AI; and Workforce. In tree order, as the core sends them.
const matrix = {
  rows: [
    row('technology', null, 0, true),
    row('digital', 'technology', 1, true),
    row('telemedicine', 'digital', 2),
    row('ai', 'technology', 1),
    row('workforce', null, 0),
  ],
} as unknown as MatrixResult;
const ids = (collapsed: string[]) => visibleRows(matrix, new Set(collapsed)).map((r) => r.themeId);

describe('the matrix rows shown (issue 8: themes as rows at any level, collapsible)', () => {
  it('shows every level when nothing is collapsed', () => {
    expect(ids([])).toEqual(['technology', 'digital', 'telemedicine', 'ai', 'workforce']);
  });

  it('folds a branch to its parent row, all levels under it, and leaves the rest', () => {
    expect(ids(['digital'])).toEqual(['technology', 'digital', 'ai', 'workforce']);
    expect(ids(['technology'])).toEqual(['technology', 'workforce']);
    // A folded branch inside a folded one stays hidden with it.
    expect(ids(['technology', 'digital'])).toEqual(['technology', 'workforce']);
  });

  it('shows nothing before the matrix has loaded', () => {
    expect(visibleRows(undefined, new Set())).toEqual([]);
  });
});
