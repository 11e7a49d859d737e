import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  themePalette,
  type NewTheme,
  type Theme,
  type ThemeListItem,
  type ThemeMove,
  type ThemeUpdate,
} from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';

export interface ThemeRow {
  id: string;
  parent_id: string | null;
  name: string;
  code: string | null;
  colour: string;
  definition: string;
  exclusions: string;
  position: number;
  created_at: string;
  created_by: string;
}

export const fromRow = (row: ThemeRow): Theme => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  code: row.code,
  colour: row.colour,
  definition: row.definition,
  exclusions: row.exclusions,
  position: row.position,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

/**
 * How sibling names are compared: "Barriers", "barriers" and "BARRIERS" are one
 * name, and so are the composed and decomposed spellings of "Éthique".
 */
export const foldName = (name: string): string => name.normalize('NFC').toLowerCase();

export const missingTheme = () =>
  new FieldnotesError('NOT_FOUND', 'That theme no longer exists. It may have been merged or deleted; the codebook has been reloaded.');

export function getThemeRow(db: Database.Database, id: string): ThemeRow {
  const row = db.prepare('SELECT * FROM themes WHERE id = ?').get(id) as ThemeRow | undefined;
  if (!row) throw missingTheme();
  return row;
}

export const getTheme = (db: Database.Database, id: string): Theme => fromRow(getThemeRow(db, id));

/** Sub-themes of `parentId` (null: the top level) in their order. */
export function childRows(db: Database.Database, parentId: string | null): ThemeRow[] {
  return db.prepare('SELECT * FROM themes WHERE parent_id IS ? ORDER BY position, rowid').all(parentId) as ThemeRow[];
}

/** The sibling (under `parentId`) called `name`, ignoring case, other than `exceptId`. */
export function siblingNamed(db: Database.Database, parentId: string | null, name: string, exceptId?: string): ThemeRow | undefined {
  const folded = foldName(name);
  return childRows(db, parentId).find((row) => row.id !== exceptId && foldName(row.name) === folded);
}

function parentLabel(db: Database.Database, parentId: string | null): string {
  if (!parentId) return 'at the top level';
  const parent = db.prepare('SELECT name FROM themes WHERE id = ?').get(parentId) as { name: string } | undefined;
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

/** Renumber siblings 0, 1, 2… in the order given. */
export function renumber(db: Database.Database, ids: readonly string[]): void {
  const update = db.prepare('UPDATE themes SET position = ? WHERE id = ? AND position <> ?');
  ids.forEach((id, index) => update.run(index, id, index));
}

/** The ids of a theme and everything below it. UNION (not UNION ALL) ends even on a damaged, cyclic tree. */
export function subtreeIds(db: Database.Database, id: string): string[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE down(id) AS (
         SELECT id FROM themes WHERE id = ?
         UNION SELECT t.id FROM themes t JOIN down ON t.parent_id = down.id)
       SELECT id FROM down`,
    )
    .all(id) as { id: string }[];
  return rows.map((r) => r.id);
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

export function paletteUsage(db: Database.Database): Map<string, number> {
  const rows = db.prepare('SELECT upper(colour) AS colour, count(*) AS n FROM themes GROUP BY upper(colour)').all() as {
    colour: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.colour, r.n]));
}

/** Every theme in tree order — a parent, then its sub-themes — with depth and passage counts. */
/** The codebook in order with depths and counts; `passageCounts` (theme id → passages tagged with it) when the caller has them (the analysis index). */
export function listThemes(db: Database.Database, passageCounts?: ReadonlyMap<string, number>): ThemeListItem[] {
  const rows = db.prepare('SELECT * FROM themes ORDER BY position, rowid').all() as ThemeRow[];
  const counts =
    passageCounts ??
    new Map(
      (db.prepare('SELECT theme_id, count(*) AS n FROM passage_themes GROUP BY theme_id').all() as { theme_id: string; n: number }[]).map(
        (r) => [r.theme_id, r.n],
      ),
    );
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
    out.push({ ...fromRow(row), depth, childCount: kids.length, passageCount: counts.get(row.id) ?? 0 });
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Anything unreachable from the top (only a foreign writer could make it) is still shown, at the top level.
  for (const row of rows) visit(row, 0);
  return out;
}

const orNull = (code: string | null | undefined) => (code ? code : null);

export function createTheme(db: Database.Database, input: NewTheme, reviewerId: string): Theme {
  return db.transaction(() => {
    const parentId = input.parentId ?? null;
    if (parentId && !db.prepare('SELECT 1 FROM themes WHERE id = ?').get(parentId)) {
      throw new FieldnotesError('NOT_FOUND', 'The theme chosen as parent no longer exists. Choose another, or add it at the top level.');
    }
    refuseClash(db, parentId, input.name);
    const id = randomUUID();
    db.prepare(
      `INSERT INTO themes(id, parent_id, name, code, colour, definition, exclusions, position, created_at, created_by)
       VALUES (@id, @parent_id, @name, @code, @colour, @definition, @exclusions,
         (SELECT count(*) FROM themes WHERE parent_id IS @parent_id), @created_at, @created_by)`,
    ).run({
      id,
      parent_id: parentId,
      name: input.name,
      code: orNull(input.code),
      colour: (input.colour ?? nextPaletteColour(paletteUsage(db))).toUpperCase(),
      definition: input.definition ?? '',
      exclusions: input.exclusions ?? '',
      created_at: new Date().toISOString(),
      created_by: reviewerId,
    });
    return getTheme(db, id);
  })();
}

export function updateTheme(db: Database.Database, input: ThemeUpdate): Theme {
  return db.transaction(() => {
    const current = getThemeRow(db, input.id);
    if (input.name !== undefined && input.name !== current.name) refuseClash(db, current.parent_id, input.name, current.id);
    db.prepare(
      `UPDATE themes SET name = @name, code = @code, colour = @colour, definition = @definition, exclusions = @exclusions
       WHERE id = @id`,
    ).run({
      id: current.id,
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
    const siblings = childRows(db, parentId).filter((row) => row.id !== theme.id).map((row) => row.id);
    siblings.splice(Math.min(input.position, siblings.length), 0, theme.id);
    db.prepare('UPDATE themes SET parent_id = ? WHERE id = ?').run(parentId, theme.id);
    renumber(db, siblings);
    if (parentId !== theme.parent_id) renumber(db, childRows(db, theme.parent_id).map((row) => row.id));
    return getTheme(db, theme.id);
  })();
}

function getParentForMove(db: Database.Database, parentId: string): ThemeRow {
  const row = db.prepare('SELECT * FROM themes WHERE id = ?').get(parentId) as ThemeRow | undefined;
  if (!row) throw new FieldnotesError('NOT_FOUND', 'The theme you are moving it under no longer exists. The codebook has been reloaded.');
  return row;
}
