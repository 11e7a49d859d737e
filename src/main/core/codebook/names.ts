import type { Theme } from '../../../shared/domain/theme';
import type { SharedName } from '../../../shared/domain/refi';
import { foldName } from '../services/themes';

export type { SharedName };

/** How a qualified name joins a theme's path: ATLAS.ti's own spelling of sub-codes, which our reader keeps as written. */
export const QUALIFIER = '::';

function pathsOf(themes: readonly Theme[]): Map<string, string[]> {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const paths = new Map<string, string[]>();
  const pathOf = (theme: Theme, seen = new Set<string>()): string[] => {
    const known = paths.get(theme.id);
    if (known) return known;
    const parent = theme.parentId ? byId.get(theme.parentId) : undefined;
    seen.add(theme.id);
    const path = parent && !seen.has(parent.id) ? [...pathOf(parent, seen), theme.name] : [theme.name];
    paths.set(theme.id, path);
    return path;
  };
  for (const theme of themes) pathOf(theme);
  return paths;
}

/**
 * Names used by more than one theme (ignoring case, as our sibling rule does).
 * Valid REFI-QDA, but some tools keep codes unique by name and silently drop
 * the second one they read, with its codings — so exports warn.
 */
export function sharedNames(themes: readonly Theme[]): SharedName[] {
  const paths = pathsOf(themes);
  const groups = new Map<string, Theme[]>();
  for (const theme of themes) {
    const key = foldName(theme.name);
    groups.set(key, [...(groups.get(key) ?? []), theme]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ name: group[0]!.name, paths: group.map((t) => paths.get(t.id)!.join(' › ')) }));
}

/**
 * The name each theme is exported under: its own, or — when asked to qualify
 * and the name is shared — its whole path joined by "::" ("Ethics::Safety"),
 * which is unique because sibling names are.
 */
export function exportNames(themes: readonly Theme[], qualify: boolean): Map<string, string> {
  const names = new Map(themes.map((t) => [t.id, t.name]));
  if (!qualify) return names;
  const shared = new Set(sharedNames(themes).map((s) => foldName(s.name)));
  const paths = pathsOf(themes);
  for (const theme of themes) if (shared.has(foldName(theme.name))) names.set(theme.id, paths.get(theme.id)!.join(QUALIFIER));
  return names;
}
