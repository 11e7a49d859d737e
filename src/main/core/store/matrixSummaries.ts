import type Database from 'better-sqlite3';

/**
 * The framework matrix's cell summaries (issue 8; migration 0009): every read
 * and write of `matrix_summaries` is here.
 */
export interface SummaryRow {
  theme_id: string;
  dimension: string;
  value: string;
  text: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const COLUMNS = 'theme_id, dimension, value, text, created_at, created_by, updated_at, updated_by';

/** Every summary of one dimension (or of all), by theme then value. */
export function summaryRows(db: Database.Database, dimension?: string): SummaryRow[] {
  if (dimension === undefined) {
    return db.prepare(`SELECT ${COLUMNS} FROM matrix_summaries ORDER BY dimension, theme_id, value`).all() as SummaryRow[];
  }
  return db
    .prepare(`SELECT ${COLUMNS} FROM matrix_summaries WHERE dimension = ? ORDER BY theme_id, value`)
    .all(dimension) as SummaryRow[];
}

export function summaryRow(db: Database.Database, themeId: string, dimension: string, value: string): SummaryRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM matrix_summaries WHERE theme_id = ? AND dimension = ? AND value = ?`)
    .get(themeId, dimension, value) as SummaryRow | undefined;
}

/** Write a cell's summary, keeping who first wrote it and when. */
export function upsertSummary(
  db: Database.Database,
  row: { themeId: string; dimension: string; value: string; text: string; reviewerId: string; now: string },
): void {
  db.prepare(
    `INSERT INTO matrix_summaries(theme_id, dimension, value, text, created_at, created_by, updated_at, updated_by)
     VALUES (@themeId, @dimension, @value, @text, @now, @reviewerId, @now, @reviewerId)
     ON CONFLICT(theme_id, dimension, value) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(row);
}

export const deleteSummary = (db: Database.Database, themeId: string, dimension: string, value: string): boolean =>
  db.prepare('DELETE FROM matrix_summaries WHERE theme_id = ? AND dimension = ? AND value = ?').run(themeId, dimension, value).changes > 0;

export const countSummariesOfThemes = (db: Database.Database, themeIds: readonly string[]): number =>
  (db.prepare('SELECT count(*) AS n FROM matrix_summaries WHERE theme_id IN (SELECT value FROM json_each(?))').get(JSON.stringify(themeIds)) as {
    n: number;
  }).n;

/**
 * A merged theme's summaries go to the theme it was merged into. Where both
 * have a summary of the same cell, the texts are joined, so no one's writing
 * is lost.
 */
export function moveSummaries(db: Database.Database, fromThemeId: string, toThemeId: string): void {
  db.prepare(
    `UPDATE matrix_summaries AS t SET text = t.text || char(10) || char(10) || s.text
     FROM matrix_summaries AS s
     WHERE s.theme_id = @from AND t.theme_id = @to AND t.dimension = s.dimension AND t.value = s.value`,
  ).run({ from: fromThemeId, to: toThemeId });
  db.prepare('UPDATE OR IGNORE matrix_summaries SET theme_id = @to WHERE theme_id = @from').run({ from: fromThemeId, to: toThemeId });
  db.prepare('DELETE FROM matrix_summaries WHERE theme_id = ?').run(fromThemeId);
}
