import { useEffect, useState } from 'react';
import { api } from '../../api/client';

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

/** The workspace's themes by id, for the tag picker, chips and highlights. */
export function useThemeIndex(version = 0): ThemeIndex {
  const [index, setIndex] = useState<ThemeIndex>(new Map());
  useEffect(() => {
    let current = true;
    void api()
      .call('themes.list', {})
      .then((result) => {
        if (!current || !result.ok) return;
        const byId = new Map(result.value.map((t) => [t.id, t]));
        const pathOf = (id: string | null, seen = 0): string[] => {
          const theme = id ? byId.get(id) : undefined;
          return theme && seen < 20 ? [...pathOf(theme.parentId, seen + 1), theme.name] : [];
        };
        setIndex(
          new Map(
            result.value.map((t) => [
              t.id,
              { id: t.id, name: t.name, colour: t.colour, code: t.code, parentId: t.parentId, path: pathOf(t.parentId).join(' › ') },
            ]),
          ),
        );
      });
    return () => {
      current = false;
    };
  }, [version]);
  return index;
}
