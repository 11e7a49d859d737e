import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  themeNameKey,
  themePalette,
  type NewTheme,
  type Theme,
  type ThemeListItem,
  type ThemeMove,
  type ThemeUpdate,
} from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';
import { tagCountsByTheme } from '../store/passages';
import { analysisIndex, branchPassageCounts, themePassageCounts } from './analysisIndex';
import {
  allThemeRows,
  childRows,
  endOfSiblings,
  findThemeRow,
  getTheme,
  getThemeRow,
  insertTheme,
  paletteUsage,
  placeTheme,
  subtreeIds,
  themeFromRow,
  updateThemeDetails,
  type ThemeRow,
} from '../store/themes';

/** How sibling names are compared (`themeNameKey` in the shared domain says the rule and why). */
export const foldName = themeNameKey;

/** The sibling (under `parentId`) called `name`, ignoring case, other than `exceptId`. */
export function siblingNamed(db: Database.Database, parentId: string | null, name: string, exceptId?: string): ThemeRow | undefined {
  const folded = foldName(name);
  return childRows(db, parentId).find((row) => row.id !== exceptId && foldName(row.name) === folded);
}

function parentLabel(db: Database.Database, parentId: string | null): string {
  if (!parentId) return 'at the top level';
  const parent = findThemeRow(db, parentId);
  return parent ? `under “${parent.name}”` : 'there';
}

function refuseClash(db: Database.Database, parentId: string | null, name: string, exceptId?: string): void {
  const clash = siblingNamed(db, parentId, name, exceptId);
  if (clash) {
    throw new FieldnotesError(
      'CONFLICT',
      `There is already a theme called “${clash.name}” ${parentLabel(db, parentId)}. Choose another name, or merge the two themes.`,
    );
  }
}

/**
 * The palette colour used least so far (ties go to the earlier one), so new
 * themes walk through the palette and a deleted theme's colour comes back first.
 */
export function nextPaletteColour(usage: ReadonlyMap<string, number>): string {
  let best: string = themePalette[0];
  for (const colour of themePalette) if ((usage.get(colour) ?? 0) < (usage.get(best) ?? 0)) best = colour;
  return best;
}

/** Every theme in tree order — a parent, then its sub-themes — with depth and passage counts; `passageCounts` (theme id → passages tagged with it) when the caller has them (the analysis index). */
export function listThemes(db: Database.Database, passageCounts?: ReadonlyMap<string, number>): ThemeListItem[] {
  const rows = allThemeRows(db);
  const counts = passageCounts ?? tagCountsByTheme(db);
  const children = new Map<string | null, ThemeRow[]>();
  for (const row of rows) {
    const group = children.get(row.parent_id);
    if (group) group.push(row);
    else children.set(row.parent_id, [row]);
  }
  const out: ThemeListItem[] = [];
  const seen = new Set<string>();
  const visit = (row: ThemeRow, depth: number) => {
    if (seen.has(row.id)) return; // a damaged, cyclic tree must not hang the list
    seen.add(row.id);
    const kids = children.get(row.id) ?? [];
    const index = (children.get(row.parent_id) ?? []).indexOf(row);
    out.push({ ...themeFromRow(row, index), depth, childCount: kids.length, passageCount: counts.get(row.id) ?? 0 });
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Anything unreachable from the top (only a foreign writer could make it) is still shown, at the top level.
  for (const row of rows) visit(row, 0);
  return out;
}

/** The codebook as its screen shows it: each theme's own count and its branch's roll-up, both from the analysis index. */
export function codebookThemes(db: Database.Database): ThemeListItem[] {
  const ix = analysisIndex(db);
  const branch = branchPassageCounts(ix);
  return listThemes(db, themePassageCounts(ix)).map((t) => ({ ...t, branchPassageCount: branch.get(t.id) ?? 0 }));
}

const orNull = (code: string | null | undefined) => (code ? code : null);

/**
 * The theme a person means by typing a name where themes are chosen (the tag
 * picker): the top-level theme of that name if there is one, else a new one
 * there. `created` says which.
 */
export function themeForName(db: Database.Database, name: string, reviewerId: string): { theme: Theme; created: boolean } {
  const namesake = siblingNamed(db, null, name);
  if (namesake) return { theme: getTheme(db, namesake.id), created: false };
  return { theme: createTheme(db, { name }, reviewerId), created: true };
}

export function createTheme(db: Database.Database, input: NewTheme, reviewerId: string): Theme {
  return db.transaction(() => {
    const parentId = input.parentId ?? null;
    if (parentId && !findThemeRow(db, parentId)) {
      throw new FieldnotesError('NOT_FOUND', 'The theme chosen as parent no longer exists. Choose another, or add it at the top level.');
    }
    refuseClash(db, parentId, input.name);
    const id = randomUUID();
    const theme = {
      id,
      parentId,
      name: input.name,
      code: orNull(input.code),
      colour: (input.colour ?? nextPaletteColour(paletteUsage(db))).toUpperCase(),
      definition: input.definition ?? '',
      exclusions: input.exclusions ?? '',
    };
    insertTheme(db, theme, endOfSiblings(db, parentId), reviewerId, new Date().toISOString());
    return getTheme(db, id);
  })();
}

export function updateTheme(db: Database.Database, input: ThemeUpdate): Theme {
  return db.transaction(() => {
    const current = getThemeRow(db, input.id);
    if (input.name !== undefined && input.name !== current.name) refuseClash(db, current.parent_id, input.name, current.id);
    updateThemeDetails(db, current.id, {
      name: input.name ?? current.name,
      code: input.code === undefined ? current.code : orNull(input.code),
      colour: (input.colour ?? current.colour).toUpperCase(),
      definition: input.definition ?? current.definition,
      exclusions: input.exclusions ?? current.exclusions,
    });
    return getTheme(db, current.id);
  })();
}

/** Put a theme under a new parent (or the same one) at a position among its siblings. */
export function moveTheme(db: Database.Database, input: ThemeMove): Theme {
  return db.transaction(() => {
    const theme = getThemeRow(db, input.id);
    const parentId = input.parentId;
    if (parentId !== null) {
      const parent = getParentForMove(db, parentId);
      if (subtreeIds(db, theme.id).includes(parent.id)) {
        throw new FieldnotesError(
          'INVALID_INPUT',
          parent.id === theme.id
            ? 'A theme cannot be placed under itself.'
            : `“${theme.name}” cannot move under “${parent.name}”, which is one of its own sub-themes. Move “${parent.name}” out first.`,
        );
      }
    }
    if (parentId !== theme.parent_id) refuseClash(db, parentId, theme.name, theme.id);
    placeTheme(db, theme.id, parentId, input.position);
    return getTheme(db, theme.id);
  })();
}

function getParentForMove(db: Database.Database, parentId: string): ThemeRow {
  const row = findThemeRow(db, parentId);
  if (!row) throw new FieldnotesError('NOT_FOUND', 'The theme you are moving it under no longer exists. The codebook has been reloaded.');
  return row;
}
