import type Database from 'better-sqlite3';
import type { Theme } from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';
import { prepared } from './statements';

/**
 * The `themes` table: the codebook's tree.
 *
 * Sibling order is a sort key with gaps (`position`, steps of `ORDER_STEP`):
 * a move writes the moved theme's row alone, taking a key between its new
 * neighbours, so a change log or a merge of two laptops' codebooks sees one
 * change, not every sibling renumbered. Only when two neighbours have no room
 * left between them are that parent's children spaced out again. The domain's
 * `Theme.position` stays what a person means by it: the index among siblings.
 */

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

export const THEME_COLUMNS = 'id, parent_id, name, code, colour, definition, exclusions, position, created_at, created_by';

/** Room between neighbouring sort keys: about ten moves into the same gap before a respace. */
export const ORDER_STEP = 1024;

/** `index`: the theme's place among its siblings. */
export const themeFromRow = (row: ThemeRow, index: number): Theme => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  code: row.code,
  colour: row.colour,
  definition: row.definition,
  exclusions: row.exclusions,
  position: index,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export const themeMissing = (): FieldnotesError =>
  new FieldnotesError('NOT_FOUND', 'That theme no longer exists. It may have been merged or deleted; the codebook has been reloaded.');

export function findThemeRow(db: Database.Database, id: string): ThemeRow | undefined {
  return prepared(db, `SELECT ${THEME_COLUMNS} FROM themes WHERE id = ?`).get(id) as ThemeRow | undefined;
}

export function getThemeRow(db: Database.Database, id: string): ThemeRow {
  const row = findThemeRow(db, id);
  if (!row) throw themeMissing();
  return row;
}

/** Refuse with the one message when the theme is gone. */
export function requireTheme(db: Database.Database, id: string): void {
  if (!prepared(db, 'SELECT 1 FROM themes WHERE id = ?').get(id)) throw themeMissing();
}

/** Sub-themes of `parentId` (null: the top level) in their order. */
export function childRows(db: Database.Database, parentId: string | null): ThemeRow[] {
  return db.prepare(`SELECT ${THEME_COLUMNS} FROM themes WHERE parent_id IS ? ORDER BY position, rowid`).all(parentId) as ThemeRow[];
}

export function getTheme(db: Database.Database, id: string): Theme {
  const row = getThemeRow(db, id);
  return themeFromRow(row, childRows(db, row.parent_id).findIndex((r) => r.id === id));
}

/** Every theme, siblings in their order (parents are grouped by the caller). */
export function allThemeRows(db: Database.Database): ThemeRow[] {
  return db.prepare(`SELECT ${THEME_COLUMNS} FROM themes ORDER BY position, rowid`).all() as ThemeRow[];
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

/** How many themes use each colour (upper case), for choosing the next one. */
export function paletteUsage(db: Database.Database): Map<string, number> {
  const rows = db.prepare('SELECT upper(colour) AS colour, count(*) AS n FROM themes GROUP BY upper(colour)').all() as {
    colour: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.colour, r.n]));
}

/** The sort key after the last sub-theme of `parentId`. */
export function endOfSiblings(db: Database.Database, parentId: string | null): number {
  const { last } = db.prepare('SELECT max(position) AS last FROM themes WHERE parent_id IS ?').get(parentId) as { last: number | null };
  return last === null ? 0 : last + ORDER_STEP;
}

export interface NewThemeRow {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  colour: string;
  definition: string;
  exclusions: string;
}

/** Insert a theme at `position` (a sort key: `endOfSiblings` for the end). */
export function insertTheme(db: Database.Database, theme: NewThemeRow, position: number, reviewerId: string, now: string): void {
  db.prepare(
    `INSERT INTO themes(id, parent_id, name, code, colour, definition, exclusions, position, created_at, created_by)
     VALUES (@id, @parent_id, @name, @code, @colour, @definition, @exclusions, @position, @created_at, @created_by)`,
  ).run({
    id: theme.id,
    parent_id: theme.parentId,
    name: theme.name,
    code: theme.code,
    colour: theme.colour,
    definition: theme.definition,
    exclusions: theme.exclusions,
    position,
    created_at: now,
    created_by: reviewerId,
  });
}

export function updateThemeDetails(
  db: Database.Database,
  id: string,
  details: Pick<ThemeRow, 'name' | 'code' | 'colour' | 'definition' | 'exclusions'>,
): void {
  db.prepare(
    `UPDATE themes SET name = @name, code = @code, colour = @colour, definition = @definition, exclusions = @exclusions
     WHERE id = @id`,
  ).run({ id, ...details });
}

/** Space `parentId`'s children out again, keeping their order (only when a gap has run out). */
function respace(db: Database.Database, parentId: string | null): void {
  const update = db.prepare('UPDATE themes SET position = ? WHERE id = ?');
  childRows(db, parentId).forEach((row, index) => update.run(index * ORDER_STEP, row.id));
}

/**
 * Put a theme under `parentId` at `index` among the other children there (past
 * the end: last). Writes only the theme's own row unless its new neighbours
 * have no room between them.
 */
export function placeTheme(db: Database.Database, id: string, parentId: string | null, index: number): void {
  const keyAt = (): number | null => {
    const others = childRows(db, parentId).filter((row) => row.id !== id);
    const at = Math.max(0, Math.min(index, others.length));
    const before = others[at - 1]?.position;
    const after = others[at]?.position;
    if (before === undefined) return after === undefined ? 0 : after - ORDER_STEP;
    if (after === undefined) return before + ORDER_STEP;
    const between = Math.floor((before + after) / 2);
    return between > before ? between : null;
  };
  let key = keyAt();
  if (key === null) {
    respace(db, parentId);
    key = keyAt()!;
  }
  db.prepare('UPDATE themes SET parent_id = ?, position = ? WHERE id = ?').run(parentId, key, id);
}

/**
 * A theme about to disappear in this transaction gives up its name first, so
 * a sub-theme of the same name can take its place among the siblings without
 * tripping the unique-name index. Nobody ever sees the placeholder.
 */
export function releaseName(db: Database.Database, id: string): void {
  db.prepare(`UPDATE themes SET name = char(1) || 'leaving ' || id WHERE id = ?`).run(id);
}

/** Delete themes in one statement, so a branch's parents and children go together without breaking the parent reference. */
export function deleteThemes(db: Database.Database, ids: readonly string[]): void {
  db.prepare('DELETE FROM themes WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}
