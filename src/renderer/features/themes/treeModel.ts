import type { ThemeListItem } from '../../../shared/domain/theme';

/** A row of the tree as shown: a theme whose ancestors are all expanded. */
export interface TreeRow {
  theme: ThemeListItem;
  /** Siblings in all, and this one's place among them (1-based), for aria-setsize/posinset. */
  setSize: number;
  posInSet: number;
}

/** The themes to show, in order, given which are collapsed. `themes` is in tree order (as themes.list gives it). */
export function visibleRows(themes: readonly ThemeListItem[], collapsed: ReadonlySet<string>): TreeRow[] {
  const siblings = new Map<string | null, ThemeListItem[]>();
  const place = new Map<string, number>();
  for (const theme of themes) {
    const group = siblings.get(theme.parentId);
    if (group) group.push(theme);
    else siblings.set(theme.parentId, [theme]);
    place.set(theme.id, siblings.get(theme.parentId)!.length);
  }
  const rows: TreeRow[] = [];
  let hiddenBelow: number | null = null; // depth of a collapsed ancestor while skipping its branch
  for (const theme of themes) {
    if (hiddenBelow !== null && theme.depth > hiddenBelow) continue;
    hiddenBelow = null;
    const group = siblings.get(theme.parentId) ?? [theme];
    rows.push({ theme, setSize: group.length, posInSet: place.get(theme.id) ?? 1 });
    if (theme.childCount > 0 && collapsed.has(theme.id)) hiddenBelow = theme.depth;
  }
  return rows;
}

/** Above this many themes the codebook opens folded to its top level. */
export const FOLD_ABOVE = 500;

/**
 * The branches folded when the codebook first shows: none for a codebook one can read down, every one for a large
 * one (issue 12: 10,000 themes opened as 10,000 rows to scroll past; folded, they are the 100 top-level themes,
 * and arrows, Home/End and type-ahead reach the rest).
 */
export function initiallyCollapsed(themes: readonly ThemeListItem[]): ReadonlySet<string> {
  return themes.length > FOLD_ABOVE ? new Set(themes.filter((t) => t.childCount > 0).map((t) => t.id)) : new Set();
}

/** Where a move puts a theme: under `parentId` at `position` among the siblings it will have. */
export interface Placement {
  parentId: string | null;
  position: number;
}

const siblingsOf = (themes: readonly ThemeListItem[], theme: ThemeListItem) =>
  themes.filter((t) => t.parentId === theme.parentId);

/** The keyboard moves: Alt+Up/Down among siblings, Alt+Right under the previous sibling, Alt+Left out a level. */
export function keyboardMove(
  themes: readonly ThemeListItem[],
  id: string,
  direction: 'up' | 'down' | 'in' | 'out',
): Placement | null {
  const theme = themes.find((t) => t.id === id);
  if (!theme) return null;
  const siblings = siblingsOf(themes, theme);
  const index = siblings.indexOf(theme);
  switch (direction) {
    case 'up':
      return index > 0 ? { parentId: theme.parentId, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { parentId: theme.parentId, position: index + 1 } : null;
    case 'in': {
      const previous = siblings[index - 1];
      return previous ? { parentId: previous.id, position: previous.childCount } : null;
    }
    case 'out': {
      const parent = themes.find((t) => t.id === theme.parentId);
      if (!parent) return null;
      return { parentId: parent.parentId, position: siblingsOf(themes, parent).indexOf(parent) + 1 };
    }
  }
}

/** Whether `id` is `ancestorId` or lies anywhere below it. */
export function isWithin(themes: readonly ThemeListItem[], id: string | null, ancestorId: string): boolean {
  const byId = new Map(themes.map((t) => [t.id, t]));
  for (let at = id, steps = 0; at && steps < 1000; at = byId.get(at)?.parentId ?? null, steps++) {
    if (at === ancestorId) return true;
  }
  return false;
}

export type DropZone = 'before' | 'inside' | 'after';

/** Where dropping `dragged` on `target` puts it, or null when that would put it under itself. */
export function dropPlacement(
  themes: readonly ThemeListItem[],
  draggedId: string,
  target: ThemeListItem,
  zone: DropZone,
): Placement | null {
  if (isWithin(themes, target.id, draggedId)) return null;
  if (zone === 'inside') return { parentId: target.id, position: target.childCount };
  // Positions count the siblings without the dragged theme, as the core splices it out first.
  const siblings = siblingsOf(themes, target).filter((t) => t.id !== draggedId);
  const index = siblings.indexOf(target);
  return { parentId: target.parentId, position: zone === 'before' ? index : index + 1 };
}

/** "Technology › Artificial intelligence and robotics": where a theme sits. */
export function pathOf(themes: readonly ThemeListItem[], id: string): string[] {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const path: string[] = [];
  for (let at = byId.get(id), steps = 0; at && steps < 1000; at = at.parentId ? byId.get(at.parentId) : undefined, steps++) {
    path.unshift(at.name);
  }
  return path;
}

/** A theme and every theme below it; `themes` is in tree order, so a branch is the run of deeper rows after it. */
export function branchOf(themes: readonly ThemeListItem[], id: string): Set<string> {
  const at = themes.findIndex((t) => t.id === id);
  const branch = new Set<string>();
  if (at === -1) return branch;
  branch.add(id);
  for (const theme of themes.slice(at + 1)) {
    if (theme.depth <= themes[at]!.depth) break;
    branch.add(theme.id);
  }
  return branch;
}
