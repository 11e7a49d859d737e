import type { ThemeListItem } from '../../../shared/domain/theme';
import { useQuery } from '../../api/queries';

export interface ThemeSummary {
  id: string;
  name: string;
  colour: string;
  code: string | null;
  parentId: string | null;
  /** "Technology › Artificial intelligence and robotics", for the picker. */
  path: string;
}

export type ThemeIndex = Map<string, ThemeSummary>;

const EMPTY: ThemeIndex = new Map();

/** The codebook by id, with each theme's path; a module function, so TanStack derives it once per answer. */
export function indexThemes(themes: ThemeListItem[]): ThemeIndex {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const pathOf = (id: string | null, seen = 0): string[] => {
    const theme = id ? byId.get(id) : undefined;
    return theme && seen < 20 ? [...pathOf(theme.parentId, seen + 1), theme.name] : [];
  };
  return new Map(
    themes.map((t) => [t.id, { id: t.id, name: t.name, colour: t.colour, code: t.code, parentId: t.parentId, path: pathOf(t.parentId).join(' › ') }]),
  );
}

/**
 * The workspace's themes by id, for the tag picker, chips and highlights. It shares the codebook's one
 * `themes.list` answer (useCodebook) and follows every change the core announces to `themes`.
 */
export function useThemeIndex(): ThemeIndex {
  return useQuery('themes.list', {}, { select: indexThemes }).data ?? EMPTY;
}
