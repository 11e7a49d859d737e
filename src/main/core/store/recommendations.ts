import type Database from 'better-sqlite3';
import { FieldnotesError } from '../../../shared/rpc/result';
import { nextNumber as nextMetaNumber } from './workspaceMeta';

/**
 * Recommendation groups, recommendations and the findings they cite (issue 8;
 * migration 0009): every read and write of `recommendation_groups`,
 * `recommendations` and `recommendation_findings` is here.
 */
export interface GroupRow {
  id: string;
  name: string;
  position: string;
  created_at: string;
}

export interface RecommendationRow {
  id: string;
  group_id: string;
  number: number;
  text: string;
  position: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const GROUP_COLUMNS = 'id, name, position, created_at';
const COLUMNS = 'id, group_id, number, text, position, created_at, created_by, updated_at, updated_by';
const LAST_NUMBER_KEY = 'recommendations.last_number';

export const missingGroup = () => new FieldnotesError('NOT_FOUND', 'That group of recommendations no longer exists; the list has been reloaded.');
export const missingRecommendation = () =>
  new FieldnotesError('NOT_FOUND', 'That recommendation no longer exists. It may have been deleted; the list has been reloaded.');

export const groupRows = (db: Database.Database): GroupRow[] =>
  db.prepare(`SELECT ${GROUP_COLUMNS} FROM recommendation_groups ORDER BY position, id`).all() as GroupRow[];

export function requireGroup(db: Database.Database, id: string): GroupRow {
  const row = db.prepare(`SELECT ${GROUP_COLUMNS} FROM recommendation_groups WHERE id = ?`).get(id) as GroupRow | undefined;
  if (!row) throw missingGroup();
  return row;
}

export const groupNamed = (db: Database.Database, name: string): GroupRow | undefined =>
  db.prepare(`SELECT ${GROUP_COLUMNS} FROM recommendation_groups WHERE name = ? COLLATE NOCASE`).get(name) as GroupRow | undefined;

export function insertGroup(db: Database.Database, row: { id: string; name: string; position: string; now: string }): void {
  db.prepare('INSERT INTO recommendation_groups(id, name, position, created_at) VALUES (@id, @name, @position, @now)').run(row);
}

export function updateGroupRow(db: Database.Database, id: string, change: { name?: string; position?: string }): void {
  db.prepare('UPDATE recommendation_groups SET name = coalesce(@name, name), position = coalesce(@position, position) WHERE id = @id').run({
    id,
    name: change.name ?? null,
    position: change.position ?? null,
  });
}

export const deleteGroupRow = (db: Database.Database, id: string): boolean =>
  db.prepare('DELETE FROM recommendation_groups WHERE id = ?').run(id).changes > 0;

export const recommendationRows = (db: Database.Database): RecommendationRow[] =>
  db.prepare(`SELECT ${COLUMNS} FROM recommendations ORDER BY group_id, position, id`).all() as RecommendationRow[];

export function requireRecommendation(db: Database.Database, id: string): RecommendationRow {
  const row = db.prepare(`SELECT ${COLUMNS} FROM recommendations WHERE id = ?`).get(id) as RecommendationRow | undefined;
  if (!row) throw missingRecommendation();
  return row;
}

/** Order keys of a group's recommendations, in order, leaving one out (the one being moved). */
export function positionsInGroup(db: Database.Database, groupId: string, exceptId?: string): string[] {
  return (
    db.prepare('SELECT position FROM recommendations WHERE group_id = ? AND id IS NOT ? ORDER BY position, id').all(groupId, exceptId ?? null) as {
      position: string;
    }[]
  ).map((r) => r.position);
}

export const countInGroup = (db: Database.Database, groupId: string): number =>
  (db.prepare('SELECT count(*) AS n FROM recommendations WHERE group_id = ?').get(groupId) as { n: number }).n;

function nextNumber(db: Database.Database): number {
  const highest = (db.prepare('SELECT max(number) AS n FROM recommendations').get() as { n: number | null }).n ?? 0;
  return nextMetaNumber(db, LAST_NUMBER_KEY, highest);
}

export function insertRecommendation(
  db: Database.Database,
  row: { id: string; groupId: string; text: string; position: string; reviewerId: string; now: string },
): number {
  const number = nextNumber(db);
  db.prepare(
    `INSERT INTO recommendations(id, group_id, number, text, position, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @groupId, @number, @text, @position, @now, @reviewerId, @now, @reviewerId)`,
  ).run({ ...row, number });
  return number;
}

export function updateRecommendationRow(
  db: Database.Database,
  id: string,
  change: { text?: string; groupId?: string; position?: string },
  reviewerId: string,
  now: string,
): void {
  db.prepare(
    `UPDATE recommendations SET text = coalesce(@text, text), group_id = coalesce(@groupId, group_id),
       position = coalesce(@position, position), updated_at = @now, updated_by = @reviewerId WHERE id = @id`,
  ).run({ id, text: change.text ?? null, groupId: change.groupId ?? null, position: change.position ?? null, now, reviewerId });
}

export const deleteRecommendationRow = (db: Database.Database, id: string): boolean =>
  db.prepare('DELETE FROM recommendations WHERE id = ?').run(id).changes > 0;

// ── recommendation_findings ────────────────────────────────────────────────

export function setCitations(db: Database.Database, recommendationId: string, findingIds: readonly string[]): void {
  db.prepare('DELETE FROM recommendation_findings WHERE recommendation_id = ?').run(recommendationId);
  const insert = db.prepare('INSERT INTO recommendation_findings(recommendation_id, finding_id, position) VALUES (?, ?, ?)');
  [...new Set(findingIds)].forEach((findingId, i) => insert.run(recommendationId, findingId, i));
}

/** Every citation, with the cited finding's number and statement, in citation order. */
export function citationRows(db: Database.Database): { recommendation_id: string; id: string; number: number; statement: string }[] {
  return db
    .prepare(
      `SELECT rf.recommendation_id, f.id, f.number, f.statement
       FROM recommendation_findings rf JOIN findings f ON f.id = rf.finding_id
       ORDER BY rf.recommendation_id, rf.position`,
    )
    .all() as { recommendation_id: string; id: string; number: number; statement: string }[];
}

/** Recommendations citing each of these findings. */
export function recommendationsCiting(
  db: Database.Database,
  findingIds: readonly string[],
): { finding_id: string; id: string; number: number; group_id: string }[] {
  return db
    .prepare(
      `SELECT rf.finding_id, r.id, r.number, r.group_id
       FROM recommendation_findings rf JOIN recommendations r ON r.id = rf.recommendation_id
       WHERE rf.finding_id IN (SELECT value FROM json_each(?))
       ORDER BY r.number`,
    )
    .all(JSON.stringify(findingIds)) as { finding_id: string; id: string; number: number; group_id: string }[];
}
