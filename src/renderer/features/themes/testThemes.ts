import type { ThemeListItem } from '../../../shared/domain/theme';

/** A theme as themes.list gives it, for the renderer's tests: a top-level or first-level theme with no passages. */
export const themeListItem = (id: string, name: string, parentId: string | null = null, more: Partial<ThemeListItem> = {}): ThemeListItem => ({
  id,
  parentId,
  name,
  code: null,
  colour: '#1F77B4',
  definition: '',
  exclusions: '',
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'A',
  depth: parentId ? 1 : 0,
  childCount: 0,
  passageCount: 0,
  ...more,
});
